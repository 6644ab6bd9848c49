package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quote_escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Json.quote("line1\nline2\r\t\b\f")).isEqualTo("\"line1\\nline2\\r\\t\\b\\f\"");
        assertThat(Json.quote("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    }

    @Test
    void quote_keepsOtherUnicodeAsIs() {
        assertThat(Json.quote("Grüße, 東京 / </script>")).isEqualTo("\"Grüße, 東京 / </script>\"");
    }

    @Test
    void object_writesMembersInOrder_withNullNumbersAndBooleans() {
        String json = Json.object().put("outcome", "rejected").put("requestId", (String) null)
                .put("attempts", 3).put("retryable", false).toString();

        assertThat(json).isEqualTo("{\"outcome\":\"rejected\",\"requestId\":null,\"attempts\":3,\"retryable\":false}");
    }
}
