package io.cupboard.identity;

import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Converts session attributes to bytes for the session store and back, as Spring Session does,
 * but keeps the security contexts and CSRF tokens of recently read bytes. Every request read both
 * from the store and rebuilt them with Java deserialization, a twentieth of an outcome's time.
 * Equal bytes now give the same authentication and token, which Spring Security does not change
 * after login. Each read gets a security context of its own, because logging out clears the
 * context in place. Bytes are compared whole, so an entry serves only sessions that stored
 * exactly those bytes. Other attributes, such as flash messages, which their readers change in
 * place, are deserialized on every read as before.
 */
final class SessionAttributeConversion {

    /** Room for the two attributes of a few thousand signed-in users. Each entry takes a few kilobytes (an estimate). */
    static final int CACHED_ATTRIBUTES = 10_000;

    private SessionAttributeConversion() {
    }

    static GenericConversionService create(ClassLoader classLoader) {
        GenericConversionService service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, new SerializingConverter());
        service.addConverter(byte[].class, Object.class, new CachingDeserializer(new DeserializingConverter(classLoader)));
        return service;
    }

    /** Deserializes bytes it has not seen recently and returns the cached object for bytes it has. */
    static final class CachingDeserializer implements Converter<byte[], Object> {

        private final DeserializingConverter deserializer;
        private final Cache<StoredBytes, Object> objects = Caffeine.newBuilder().maximumSize(CACHED_ATTRIBUTES).build();

        CachingDeserializer(DeserializingConverter deserializer) {
            this.deserializer = deserializer;
        }

        @Override
        public Object convert(byte[] source) {
            StoredBytes key = new StoredBytes(source);
            Object cached = objects.getIfPresent(key);
            if (cached != null) {
                return fresh(cached);
            }
            Object read = deserializer.convert(source);
            if (read instanceof SecurityContext || read instanceof CsrfToken) {
                objects.put(key, read);
                return fresh(read);
            }
            return read;
        }

        /** Returns a new security context around the cached authentication, and other objects as they are. */
        private static Object fresh(Object cached) {
            return cached instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication()) : cached;
        }
    }

    /** Bytes as a cache key, equal by content. */
    private record StoredBytes(byte[] content, int hash) {

        StoredBytes(byte[] content) {
            this(content, Arrays.hashCode(content));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredBytes bytes && hash == bytes.hash && Arrays.equals(content, bytes.content);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
