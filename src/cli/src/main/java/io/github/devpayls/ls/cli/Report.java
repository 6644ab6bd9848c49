package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.contract.Masking;

import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.internal.SensitiveNames;
import io.github.devpayls.ls.store.CredentialEntry;
import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.NoUsableCredentials;
import io.github.devpayls.ls.store.StoredCredentials;
import io.github.devpayls.ls.store.SubscriptionCheck;
import io.github.devpayls.ls.store.TokenRefresh;
import io.github.devpayls.ls.SubscriptionResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command outcome as ordered fields, printed either as {@code name: value} lines or as one
 * JSON object with the same names (camelCase in JSON, kebab-case in text). Secrets only ever enter
 * a report masked: there is no way to put a {@link Secret}'s value in.
 */
final class Report {

    /** Fields of free text that may quote a peer or a user; masked by shape as they enter (internal.SensitiveNames). */
    private static final Set<String> FREE_TEXT = Set.of("message", "rule", "detail");

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Report(String outcome) {
        fields.put("outcome", outcome);
    }

    static Report of(String outcome) {
        return new Report(outcome);
    }

    /** @return whether this is the outcome of a Ctrl-C, printed by the interrupt hook itself */
    boolean isInterruption() {
        return "interrupted".equals(fields.get("outcome"));
    }

    /** Adds a field; a {@code null} value is left out of text and written as {@code null} in JSON. */
    Report put(String name, Object value) {
        if (value instanceof Secret || value instanceof char[]) {
            throw new IllegalArgumentException("secrets enter a report only through masked(...)");
        }
        fields.put(name, FREE_TEXT.contains(name) && value instanceof String text ? SensitiveNames.scrub(text) : value);
        return this;
    }

    /** @return the value as shown: a fixed mask and the length (safe to show), never any character of it */
    static String masked(Secret secret) {
        return Masking.masked(secret.length());
    }

    /** Prints the report: one JSON line, or one {@code name: value} line per present field. */
    void print(PrintWriter writer, boolean json) {
        if (json) {
            writer.println(toJson());
        } else {
            textLines().forEach(writer::println);
        }
        writer.flush();
    }

    /** @return one {@code name: value} line per field with a value */
    List<String> textLines() {
        List<String> lines = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                lines.add(kebab(name) + ": " + value);
            }
        });
        return lines;
    }

    private Json toJson() {
        Json object = Json.object();
        fields.forEach((name, value) -> {
            if (value instanceof Boolean b) {
                object.put(name, b.booleanValue());
            } else if (value instanceof Integer || value instanceof Long) {
                object.put(name, ((Number) value).longValue());
            } else {
                object.put(name, value == null ? null : value.toString());
            }
        });
        return object;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    // The outcomes every command shares.

    /** A set the service issued and the store now holds. */
    static Report activated(ActivationResult.Activated activated, CredentialEntry entry, String storeLocation) {
        return of("activated").put("product", entry.productKey().value())
                .put("requestId", activated.requestId().value())
                .putEntry(entry)
                .put("store", storeLocation);
    }

    /** The service said no, with the action for the customer or developer. */
    static Report rejected(ServiceError error) {
        return of("rejected").put("code", error.code().name()).put("rawCode", error.rawCode())
                .put("type", error.type().name()).put("message", error.message()).put("action", error.action())
                .put("retryable", error.retryable())
                .put("requestId", error.requestId().map(id -> id.value()).orElse(null));
    }

    /** No usable answer; the exception texts of the library never carry secrets. */
    static Report noAnswer(NoAnswerException failure) {
        Report report;
        if (failure instanceof ServiceUnavailableException unavailable) {
            report = of("service-unavailable")
                    .put("httpStatus", unavailable.lastHttpStatus())
                    .put("requestId", unavailable.lastRequestId().map(id -> id.value()).orElse(null));
        } else if (failure instanceof TransportFailureException transport) {
            report = of("transport-failure").put("kind", transport.kind().name())
                    .put("requestMayHaveReachedService", transport.requestMayHaveReachedService());
        } else {
            ProtocolFailureException protocol = (ProtocolFailureException) failure;
            report = of("protocol-failure")
                    .put("httpStatus", protocol.httpStatus().isPresent() ? protocol.httpStatus().getAsInt() : null)
                    .put("requestId", protocol.requestId().map(id -> id.value()).orElse(null));
        }
        return report.put("attempts", failure.attempts()).put("message", failure.getMessage());
    }

    static Report invalidInput(InvalidInputException invalid) {
        return of("invalid-input").put("field", invalid.field()).put("rule", invalid.rule());
    }

    /** What the store holds for a product, and whether it may be used. */
    static Report status(String product, String storeLocation, CredentialLookup lookup) {
        if (lookup instanceof StoredCredentials stored) {
            return of("usable").put("product", product).put("usable", true).putEntry(stored.entry())
                    .put("store", storeLocation);
        }
        NoUsableCredentials none = (NoUsableCredentials) lookup;
        return of("activation-needed").put("product", product).put("usable", false)
                .put("reason", none.reason().name()).put("detail", none.detail()).put("store", storeLocation);
    }

    /** What a subscription check found: the gate for S3. */
    static Report verification(String product, SubscriptionCheck check) {
        if (check instanceof SubscriptionCheck.NotActivated none) {
            return of("activation-needed").put("product", product).put("readyForS3", false)
                    .put("reason", none.reason().reason().name()).put("detail", none.reason().detail());
        }
        if (check instanceof SubscriptionCheck.Cached cached) {
            return of("subscribed").put("product", product).put("readyForS3", true).put("cached", true)
                    .put("verifiedAt", cached.stored().entry().verification().map(v -> v.verifiedAt().toString())
                            .orElse(null));
        }
        SubscriptionResult answer = ((SubscriptionCheck.Verified) check).answer();
        if (answer instanceof SubscriptionResult.Subscribed subscribed) {
            return of("subscribed").put("product", product).put("readyForS3", true)
                    .put("requestId", subscribed.requestId().value());
        }
        if (answer instanceof SubscriptionResult.NotSubscribed not) {
            return of("not-subscribed").put("product", product).put("readyForS3", false)
                    .put("basis", not.basis().name())
                    .put("action", NOT_SUBSCRIBED_ACTION)
                    .put("requestId", not.requestId().map(id -> id.value()).orElse(null));
        }
        return rejected(((SubscriptionResult.Rejected) answer).error()).put("product", product).put("readyForS3", false);
    }

    /** What the product should do while the customer is not subscribed. */
    static final String NOT_SUBSCRIBED_ACTION = "do not use the credentials for Amazon S3 yet: the customer's"
            + " subscription is not active (card still being vetted, declined or cancelled); verify again later";

    /** What a token refresh did. */
    static Report refresh(String product, String storeLocation, TokenRefresh refresh) {
        if (refresh instanceof TokenRefresh.Refreshed refreshed) {
            return of("refreshed").put("product", product).put("requestId", refreshed.requestId().value())
                    .putEntry(refreshed.stored().entry()).put("store", storeLocation);
        }
        if (refresh instanceof TokenRefresh.Rejected rejected) {
            return rejected(rejected.error()).put("product", product);
        }
        if (refresh instanceof TokenRefresh.NotActivated none) {
            return of("activation-needed").put("product", product).put("reason", none.reason().reason().name())
                    .put("detail", none.reason().detail());
        }
        return of("superseded").put("product", product).put("message", "another activation replaced the stored set"
                + " while the token was refreshed; the newer set is kept");
    }

    private Report putEntry(CredentialEntry entry) {
        return put("accessKeyId", entry.credentials().accessKeyId())
                .put("userToken", masked(entry.credentials().userToken()))
                .put("secretAccessKey", masked(entry.credentials().secretAccessKey()))
                .put("activatedAt", entry.activatedAt().toString())
                .put("tokenExpiration", entry.tokenExpiration().map(Duration::toString).orElse("none"))
                .put("expiresAt", entry.expiresAt().map(Object::toString).orElse("never"))
                .put("subscription", entry.subscription().name())
                .put("verifiedAt", entry.verification().map(v -> v.verifiedAt().toString()).orElse("never"))
                .put("readyForS3", !entry.subscription().isPending());
    }
}
