package dev.pmp.testkit;

import dev.pmp.spi.Store;

/** The in-memory store keeps the same contract as the real ones (it keeps nothing after close). */
class MemoryStoreTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new MemoryStore();
    }
}
