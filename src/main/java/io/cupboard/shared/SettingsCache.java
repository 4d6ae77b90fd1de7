package io.cupboard.shared;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory copy of admin settings, read from the database on first use and again after
 * {@link SettingsCacheProperties#refreshInterval()}.
 * <p>
 * NOTE: only the instance that saved a change drops its copy at once. Other instances keep using
 * the old setting until their copy expires, for up to the refresh interval.
 *
 * @param <K> the key the settings are read by
 * @param <V> the setting; callers share one instance across threads, so it must not be changed
 */
public final class SettingsCache<K, V> {

    private static final int MAX_ENTRIES = 10_000;

    private final Cache<K, V> entries;

    public SettingsCache(SettingsCacheProperties properties) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(properties.refreshInterval())
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    /** Returns the cached setting, reading it with {@code loader} when it is missing or expired. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        return entries.get(key, loader);
    }

    /**
     * Drops every entry when the current transaction ends, committed or rolled back, or at once
     * outside a transaction. Dropping only at the end keeps a request that reads the old row
     * before the commit from caching it again for a whole interval.
     */
    public void invalidateAfterTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.invalidateAll();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                entries.invalidateAll();
            }
        });
    }
}
