package dev.pmp.dedup.redis;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A real redis-server (the linux-amd64 binary shipped in embedded-redis) on a free loopback port. */
final class LocalRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server without persistence; {@code settings} are extra redis.conf lines (e.g. requirepass). */
    static LocalRedis start(String... settings) throws IOException {
        int port = freePort();
        RedisServerBuilder builder = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                // No dump.rdb or appendonly file in the working directory.
                .setting("save \"\"")
                .setting("appendonly no");
        for (String setting : settings) {
            builder.setting(setting);
        }
        RedisServer server = builder.build();
        server.start();
        return new LocalRedis(server, port);
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void stop() throws IOException {
        if (server.isActive()) {
            server.stop();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
