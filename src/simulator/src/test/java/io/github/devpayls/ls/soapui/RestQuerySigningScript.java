package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.RestQuerySignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one Groovy script the runner executes: the REST-Query signing step of the project
 * ({@code src/test/resources/soapui/sign-rest-query.groovy}, copied verbatim into each signing
 * step). The runner does not run Groovy; it recognises this exact text (line endings and trailing
 * spaces aside) and carries out the same steps in Java. Any other script fails the case by name.
 *
 * <p>What the script does, and so what {@link #run} does: {@code Expires} = now + 15 minutes; the
 * test case properties named in {@code SignedParameters}, property-expanded, signed by signature
 * version 1 with the expanded {@code SecretAccessKey}; the test case properties {@code Expires} and
 * {@code Signature} set.
 */
final class RestQuerySigningScript {

    /** The resource holding the script's text. */
    static final String RESOURCE = "/soapui/sign-rest-query.groovy";

    /** The script's {@code Instant.now().plusSeconds(15 * 60)}. */
    private static final Duration EXPIRES_AFTER = Duration.ofSeconds(15 * 60);

    private static final String SIGNED_PARAMETERS = "SignedParameters";

    private RestQuerySigningScript() {
    }

    /** @return the script's text as the project must hold it */
    static String text() {
        try (InputStream in = Objects.requireNonNull(RestQuerySigningScript.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** @return whether {@code script} is this script, ignoring line endings and trailing white space */
    static boolean isThisScript(String script) {
        return normalised(script).equals(normalised(text()));
    }

    /**
     * Does what the script does.
     *
     * @param caseProperties the running test case's properties, changed in place
     * @param expander       expansion in the test case's scope (which sees {@code caseProperties})
     * @param clock          the clock of {@code Instant.now()}
     */
    static void run(Map<String, String> caseProperties, PropertyExpander expander, Clock clock) {
        String listed = caseProperties.get(SIGNED_PARAMETERS);
        if (listed == null) {
            throw new SoapUiProjectException("the signing script needs the test case property " + SIGNED_PARAMETERS);
        }
        caseProperties.put(RestQuery.EXPIRES, RestQuery.formatTime(clock.instant().plus(EXPIRES_AFTER)));
        List<String> names = Arrays.stream(listed.split(",")).map(String::trim).toList();
        if (names.contains(RestQuery.SIGNATURE)) {
            // The script would sign Signature's old value too; the contract's signer leaves it out.
            throw new SoapUiProjectException(SIGNED_PARAMETERS + " must not name " + RestQuery.SIGNATURE);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, expander.expand("${#TestCase#" + name + "}"));
        }
        char[] secret = expander.expand("${#TestCase#SecretAccessKey}").toCharArray();
        caseProperties.put(RestQuery.SIGNATURE, RestQuerySignature.sign(values, secret));
        Arrays.fill(secret, '\0');
    }

    private static String normalised(String script) {
        return script.replace("\r\n", "\n").lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
