package dev.pmp.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An {@link ObjectStore} in one S3 bucket, over the AWS SDK's synchronous client (URLConnection transport). */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client client;
    private final String bucket;

    private S3ObjectStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** A client for {@code bucket} with the given settings. */
    public static S3ObjectStore open(S3Settings settings, String bucket) {
        S3ClientBuilder b = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(b::endpointOverride);
        if (settings.accessKey().isPresent()) {
            b.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow())));
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return new S3ObjectStore(b.build(), bucket);
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void put(String key, Path file, String contentType, Map<String, String> metadata) throws IOException {
        try {
            client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) throws IOException {
        try {
            client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            String token = null;
            do {
                ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
                if (token != null) {
                    req.continuationToken(token);
                }
                ListObjectsV2Response page = client.listObjectsV2(req.build());
                for (S3Object o : page.contents()) {
                    keys.add(o.key());
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public Optional<Map<String, String>> metadata(String key) throws IOException {
        try {
            HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(head.metadata());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("inspect", key, e);
        } catch (SdkException e) {
            throw failure("inspect", key, e);
        }
    }

    private IOException failure(String what, String key, SdkException e) {
        return new IOException("S3: cannot " + what + " s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        client.close();
    }
}
