package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ServiceErrorCodeTest {

    @Test
    void everyKnownCode_roundTripsItsWireNameAndHasAnAction() {
        for (ServiceErrorCode code : ServiceErrorCode.values()) {
            assertThat(code.action()).as(code.name()).isNotBlank();
            if (code != ServiceErrorCode.UNKNOWN) {
                assertThat(ServiceErrorCode.fromWireName(code.wireName().orElseThrow())).isEqualTo(code);
                assertThat(code.usualType()).isNotEqualTo(FaultType.UNKNOWN);
            }
        }
        assertThat(ServiceErrorCode.fromWireName("expiredactivationkey")).isEqualTo(ServiceErrorCode.UNKNOWN);
        assertThat(ServiceErrorCode.fromWireName(null)).isEqualTo(ServiceErrorCode.UNKNOWN);
    }

    @Test
    void activationErrors_sayWhoActs() {
        assertThat(ServiceErrorCode.EXPIRED_ACTIVATION_KEY.action()).contains("customer", "fresh key", "activation page");
        assertThat(ServiceErrorCode.INCORRECT_ACTIVATION_KEY.action()).contains("customer", "this product");
        assertThat(ServiceErrorCode.INVALID_ACTIVATION_KEY.action()).contains("re-enter");
        assertThat(ServiceErrorCode.INVALID_PRODUCT_TOKEN.action()).contains("developer", "not the customer");
    }

    @Test
    void onlyTheDocumentedServiceSideCodes_areRetryable() {
        assertThat(Arrays.stream(ServiceErrorCode.values()).filter(ServiceErrorCode::retryable))
                .containsExactlyInAnyOrder(ServiceErrorCode.INTERNAL_ERROR, ServiceErrorCode.REQUEST_THROTTLED,
                        ServiceErrorCode.SERVICE_UNAVAILABLE);
    }
}
