package io.cupboard.intake.api;

import java.io.IOException;

import io.cupboard.intake.IntakeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-key rate limit (429 with {@code Retry-After}) and the request size limit (413)
 * to authenticated API requests. A body without {@code Content-Length} is cut off while it is read.
 */
final class ApiLimitsFilter extends OncePerRequestFilter {

    private final ApiRateLimiter rateLimiter;
    private final IntakeProperties properties;
    private final ProblemWriter problems;

    ApiLimitsFilter(ApiRateLimiter rateLimiter, IntakeProperties properties, ProblemWriter problems) {
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ApiKeyAuthentication apiKey)) {
            chain.doFilter(request, response);
            return;
        }
        ApiRateLimiter.Decision decision = rateLimiter.acquire(apiKey.getPrincipal().keyId());
        response.setHeader("RateLimit-Limit", String.valueOf(decision.limit()));
        response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            problems.write(request, response, ApiProblem.of(ProblemTypes.RATE_LIMITED, "Too many requests", 429,
                    "This API key may make " + decision.limit() + " requests per minute. Retry after "
                            + decision.retryAfterSeconds() + " seconds."));
            return;
        }
        long maxBytes = properties.api().maxRequestSize().toBytes();
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    static ApiProblem tooLarge(long maxBytes) {
        return ApiProblem.of(ProblemTypes.TOO_LARGE, "Request body too large", 413,
                "The request body must not exceed " + maxBytes + " bytes.");
    }

    /** Reading past the limit fails with this exception, which the controller turns into 413. */
    static final class RequestTooLargeException extends IOException {

        RequestTooLargeException(long maxBytes) {
            super("The request body exceeds " + maxBytes + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = delegate.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws RequestTooLargeException {
            read += bytes;
            if (read > maxBytes) {
                throw new RequestTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
