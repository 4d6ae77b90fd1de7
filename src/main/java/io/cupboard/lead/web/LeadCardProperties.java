package io.cupboard.lead.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead card settings.
 *
 * @param dialerUrlTemplate the click-to-call link; {@code {phone}} becomes the E.164 number, for
 *                          example {@code https://dialer.example/call?n={phone}}
 */
@ConfigurationProperties("cupboard.lead-card")
record LeadCardProperties(@DefaultValue("tel:{phone}") String dialerUrlTemplate) {

    String dialerUrl(String phoneE164) {
        if (phoneE164 == null) {
            return null;
        }
        return dialerUrlTemplate.replace("{phone}", java.net.URLEncoder.encode(phoneE164, java.nio.charset.StandardCharsets.UTF_8));
    }
}
