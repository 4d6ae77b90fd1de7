package io.cupboard.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that always throws, so that tests can see the 500 page that a real failure produces.
 * {@link TestConfiguration} registers it; {@code @TestComponent} keeps component scanning from
 * registering it a second time.
 */
@Controller
@TestComponent
public class FailingPage {

    public static final String PATH = "/test-only/failure";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException("FailingPage threw on purpose");
    }
}
