package io.cupboard.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cupboard.identity.User;
import io.cupboard.lead.DoNotCallList;
import io.cupboard.lead.InquiryMerged;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadCreated;
import io.cupboard.lead.LeadReopened;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.lead.CallOutcome;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
@RecordApplicationEvents
class IntakeApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IntakeSources sources;

    @Autowired
    ApiKeys keys;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    DoNotCallList doNotCall;

    @Autowired
    Outcomes outcomes;

    @Autowired
    ApplicationEvents events;

    private IntakeSource source;
    private String key;

    @BeforeEach
    void createSourceAndKey() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        source = sources.create(Fixtures.unique("api"), "טופס באתר", IntakeSource.Direction.INBOUND, null);
        key = keys.create(source.id(), null).plaintext();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void newLeadAnswers201WithLocation() throws Exception {
        String phone = nationalForm(Fixtures.uniquePhone().e164());

        MockHttpServletResponse response = submit(Map.of("fullName", "דנה לוי", "phone", phone, "email", "dana@example.com"));

        assertThat(response.getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(response.getContentAsString());
        long leadId = body.get("leadId").asLong();
        assertThat(body.get("result").asString()).isEqualTo("created");
        assertThat(response.getHeader("Location")).isEqualTo("/leads/" + leadId);
        Map<String, Object> lead = jdbc.sql("select full_name, phone_e164, source, consent_basis, type from lead where id = ?")
                .param(leadId).query().singleRow();
        assertThat(lead).containsEntry("full_name", "דנה לוי").containsEntry("source", source.code())
                .containsEntry("consent_basis", "INBOUND").containsEntry("type", "NEW");
        assertThat(lead.get("phone_e164")).isEqualTo("+972" + phone.substring(1).replace("-", ""));
        assertThat(openTask(leadId)).containsEntry("type", "FIRST_CONTACT");
        assertThat(openTask(leadId).get("sla_deadline_at")).isNotNull();
        assertThat(events.stream(LeadCreated.class).filter(event -> event.leadId() == leadId)).hasSize(1);
        assertThat(submissions(Fate.IMPORTED)).isEqualTo(1);
    }

    @Test
    void bearerTokenAuthenticates() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/leads")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("phone", Fixtures.uniquePhone().e164()))))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
    }

    @Test
    void missingKeyAnswers401Problem() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:cupboard:problem:unauthorized");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/leads");
    }

    @Test
    void revokedKeyAnswers401() throws Exception {
        ApiKeys.NewKey revoked = keys.create(source.id(), null);
        keys.revoke(source.id(), revoked.id(), null);

        MockHttpServletResponse response = mvc.perform(post("/api/v1/leads").header("X-Api-Key", revoked.plaintext())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"0502345678\"}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void forgedSecretWithKnownPrefixAnswers401() throws Exception {
        String forged = key.substring(0, key.lastIndexOf('_') + 1) + "A".repeat(43);

        MockHttpServletResponse response = mvc.perform(post("/api/v1/leads").header("X-Api-Key", forged)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void keyIsStoredOnlyAsHash() {
        List<String> stored = jdbc.sql("select key_hash from intake_api_key where source_id = ?").param(source.id())
                .query(String.class).list();

        assertThat(stored).hasSize(1).noneMatch(hash -> key.contains(hash) || hash.contains(key.substring(17)));
        assertThat(stored.get(0)).hasSize(64);
    }

    @Test
    void invalidFieldsAnswer422WithPointers() throws Exception {
        MockHttpServletResponse response = submit(Map.of("fullName", "דנה", "phone", "12", "email", "not-an-email",
                "createdAt", "yesterday"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:cupboard:problem:invalid-lead");
        assertThat(problem.get("detail").asString()).isEqualTo("3 fields are invalid.");
        assertThat(problem.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("#/phone", "#/email", "#/createdAt");
        assertThat(problem.get("errors").findValuesAsString("code")).contains("phone-invalid", "email-invalid", "date-invalid");
        assertThat(submissions(Fate.REJECTED)).isEqualTo(1);
    }

    @Test
    void missingNameAndPhoneAnswers422() throws Exception {
        MockHttpServletResponse response = submit(Map.of("email", "someone@example.com"));

        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("#/phone");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("name-or-phone-required");
    }

    @Test
    void tooLongNameAnswers422() throws Exception {
        MockHttpServletResponse response = submit(Map.of("fullName", "א".repeat(201), "phone", Fixtures.uniquePhone().e164()));

        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("#/fullName");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("too-long");
    }

    @Test
    void malformedJsonAnswers400() throws Exception {
        MockHttpServletResponse response = mvc.perform(withKey(post("/api/v1/leads")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": "))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString()).get("type").asString())
                .isEqualTo("urn:cupboard:problem:malformed-request");
    }

    @Test
    void wrongTypeAnswers400WithPointer() throws Exception {
        MockHttpServletResponse response = mvc.perform(withKey(post("/api/v1/leads")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": [\"0502345678\"], \"consent\": \"maybe\"}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString()).get("errors").get(0).get("pointer").asString()).isEqualTo("#/phone");
    }

    @Test
    void formEncodedBodyAnswers415() throws Exception {
        MockHttpServletResponse response = mvc.perform(withKey(post("/api/v1/leads"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("phone=0502345678"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(415);
    }

    @Test
    void getAnswers405() throws Exception {
        MockHttpServletResponse response = mvc.perform(withKey(get("/api/v1/leads"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("POST");
    }

    @Test
    void oversizedBodyAnswers413() throws Exception {
        String notes = "x".repeat(17 * 1024);

        MockHttpServletResponse response = submit(Map.of("phone", Fixtures.uniquePhone().e164(), "notes", notes));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(json.readTree(response.getContentAsString()).get("type").asString())
                .isEqualTo("urn:cupboard:problem:request-too-large");
    }

    @Test
    void samePhoneMergesIntoOpenLead() throws Exception {
        String phone = Fixtures.uniquePhone().e164();
        long leadId = json.readTree(submit(Map.of("fullName", "רון", "phone", phone)).getContentAsString()).get("leadId").asLong();

        MockHttpServletResponse second = submit(Map.of("fullName", "רון כהן", "phone", "972" + phone.substring(4),
                "notes", "ביקש הצעת מחיר"));

        assertThat(second.getStatus()).isEqualTo(200);
        JsonNode body = json.readTree(second.getContentAsString());
        assertThat(body.get("leadId").asLong()).isEqualTo(leadId);
        assertThat(body.get("result").asString()).isEqualTo("merged");
        assertThat(second.getHeader("Location")).isNull();
        assertThat(jdbc.sql("select count(*) from lead where phone_e164 = ?").param(phone).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select note from activity where lead_id = ? and kind = 'INQUIRY'").param(leadId).query(String.class).list())
                .containsExactly("ביקש הצעת מחיר");
        assertThat(events.stream(InquiryMerged.class).filter(event -> event.leadId() == leadId)).hasSize(1);
        assertThat(openTaskCount(leadId)).isEqualTo(1);
    }

    @Test
    void closedLeadReopensAsRenewed() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        Lead lead = fixtures.lead(agent);
        outcomes.record(lead.getId(), versionOf(lead.getId()), OutcomeRequest.of(CallOutcome.SALE), fixtures.signedIn(agent));
        assertThat(openTaskCount(lead.getId())).isZero();

        MockHttpServletResponse response = submit(Map.of("phone", lead.getPhoneE164(), "campaign", "חורף"));

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("leadId").asLong()).isEqualTo(lead.getId());
        assertThat(body.get("result").asString()).isEqualTo("reopened");
        Map<String, Object> reopened = jdbc.sql("""
                        select l.type, s.code as status, l.closed_at, l.attempt_count from lead l join lead_status s on s.id = l.status_id
                        where l.id = ?
                        """)
                .param(lead.getId()).query().singleRow();
        assertThat(reopened).containsEntry("type", "RENEWED").containsEntry("status", "NEW").containsEntry("attempt_count", 0);
        assertThat(reopened.get("closed_at")).isNull();
        assertThat(openTask(lead.getId())).containsEntry("type", "FIRST_CONTACT");
        assertThat(openTaskCount(lead.getId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and kind = 'REOPENED'").param(lead.getId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(LeadReopened.class).filter(event -> event.leadId() == lead.getId()))
                .singleElement().extracting(LeadReopened::previousOwnerId).isEqualTo(agent.getId());
    }

    @Test
    void sameExternalIdAnswersDuplicate() throws Exception {
        Map<String, Object> lead = Map.of("phone", Fixtures.uniquePhone().e164(), "externalId", Fixtures.unique("google-lead"));
        long leadId = json.readTree(submit(lead).getContentAsString()).get("leadId").asLong();

        MockHttpServletResponse again = submit(lead);

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(json.readTree(again.getContentAsString()).get("result").asString()).isEqualTo("duplicate");
        assertThat(json.readTree(again.getContentAsString()).get("leadId").asLong()).isEqualTo(leadId);
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and kind = 'INQUIRY'").param(leadId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void doNotCallNumberIsBlockedAndCounted() throws Exception {
        String phone = Fixtures.uniquePhone().e164();
        doNotCall.add(phone, DoNotCallList.Reason.REQUESTED, null, clock.instant());

        MockHttpServletResponse response = submit(Map.of("phone", phone));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(json.readTree(response.getContentAsString()).get("type").asString()).isEqualTo("urn:cupboard:problem:do-not-call");
        assertThat(jdbc.sql("select count(*) from lead where phone_e164 = ?").param(phone).query(Long.class).single()).isZero();
        assertThat(submissions(Fate.BLOCKED)).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReplaysFirstResponse() throws Exception {
        Map<String, Object> lead = Map.of("phone", Fixtures.uniquePhone().e164());
        String idempotencyKey = "form-" + Fixtures.unique("submission");

        MockHttpServletResponse first = submit(lead, idempotencyKey);
        MockHttpServletResponse second = submit(lead, idempotencyKey);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(second.getStatus()).isEqualTo(201);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(second.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from lead where phone_e164 = ?").param(lead.get("phone")).query(Long.class).single())
                .isEqualTo(1);
        assertThat(submissions(Fate.IMPORTED) + submissions(Fate.MERGED)).isEqualTo(1);
    }

    @Test
    void idempotencyKeyWithOtherBodyAnswers422() throws Exception {
        String idempotencyKey = "form-" + Fixtures.unique("submission");
        submit(Map.of("phone", Fixtures.uniquePhone().e164()), idempotencyKey);

        MockHttpServletResponse reused = submit(Map.of("phone", Fixtures.uniquePhone().e164()), idempotencyKey);

        assertThat(reused.getStatus()).isEqualTo(422);
        assertThat(json.readTree(reused.getContentAsString()).get("type").asString())
                .isEqualTo("urn:cupboard:problem:idempotency-key-reused");
    }

    @Test
    void idempotencyKeyHoldsForTwentyFourHours() throws Exception {
        Map<String, Object> lead = Map.of("phone", Fixtures.uniquePhone().e164());
        String idempotencyKey = "form-" + Fixtures.unique("submission");
        submit(lead, idempotencyKey);

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        MockHttpServletResponse withinDay = submit(lead, idempotencyKey);
        clock.advance(Duration.ofMinutes(2));
        MockHttpServletResponse afterDay = submit(lead, idempotencyKey);

        assertThat(withinDay.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(afterDay.getHeader("Idempotency-Replayed")).isNull();
        assertThat(json.readTree(afterDay.getContentAsString()).get("result").asString()).isEqualTo("merged");
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        clock.setInstant(TestTimes.TUESDAY_MORNING.plusSeconds(15));
        int allowed = 0;
        MockHttpServletResponse response = null;
        for (int request = 0; request < 200; request++) {
            response = mvc.perform(withKey(post("/api/v1/leads")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn().getResponse();
            if (response.getStatus() == 429) {
                break;
            }
            allowed++;
        }

        assertThat(allowed).isEqualTo(120);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("45");
        assertThat(json.readTree(response.getContentAsString()).get("type").asString()).isEqualTo("urn:cupboard:problem:rate-limited");

        clock.advance(Duration.ofMinutes(1));
        assertThat(submit(Map.of("phone", Fixtures.uniquePhone().e164())).getStatus()).isEqualTo(201);
    }

    @Test
    void openApiDocumentsOnlyIntakeApi() throws Exception {
        User admin = fixtures.user(io.cupboard.identity.Role.ADMIN, null);

        MockHttpServletResponse response = mvc.perform(get("/v3/api-docs").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                fixtures.signedIn(admin))))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode docs = json.readTree(response.getContentAsString());
        assertThat(docs.get("paths").propertyNames()).containsExactly("/api/v1/leads");
        assertThat(docs.get("components").get("securitySchemes").propertyNames()).contains("apiKey", "bearer");
        assertThat(docs.get("paths").get("/api/v1/leads").get("post").get("responses").propertyNames())
                .contains("200", "201", "401", "413", "422", "429");
    }

    @Test
    void openApiIsClosedToAnonymousAndAgents() throws Exception {
        User agent = fixtures.agent(fixtures.team());

        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/v3/api-docs").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                fixtures.signedIn(agent))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse submit(Map<String, ?> body) throws Exception {
        return submit(body, null);
    }

    private MockHttpServletResponse submit(Map<String, ?> body, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = withKey(post("/api/v1/leads"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
        return request.header("X-Api-Key", key);
    }

    private Map<String, Object> openTask(long leadId) {
        return jdbc.sql("select type, sla_deadline_at from task where lead_id = ? and state = 'OPEN'").param(leadId).query().singleRow();
    }

    private long openTaskCount(long leadId) {
        return jdbc.sql("select count(*) from task where lead_id = ? and state = 'OPEN'").param(leadId).query(Long.class).single();
    }

    private int versionOf(long leadId) {
        return jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
    }

    private long submissions(Fate fate) {
        return jdbc.sql("select count(*) from intake_submission where source_id = ? and fate = ?")
                .params(source.id(), fate.name()).query(Long.class).single();
    }

    /** Returns a +972 number in the national form with dashes, as people type it in a form. */
    private static String nationalForm(String e164) {
        String national = "0" + e164.substring(4);
        return national.substring(0, 3) + "-" + national.substring(3);
    }
}
