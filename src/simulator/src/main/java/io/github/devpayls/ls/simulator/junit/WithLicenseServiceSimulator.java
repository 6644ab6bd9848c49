package io.github.devpayls.ls.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.github.devpayls.ls.simulator.SimulatorFixtures;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a License Service simulator through
 * {@link LicenseServiceSimulatorExtension}, configured by the attributes. For a clock or a fault
 * script, register the extension with its builder instead
 * ({@code @RegisterExtension static LicenseServiceSimulatorExtension sim = ...}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LicenseServiceSimulatorExtension.class)
public @interface WithLicenseServiceSimulator {

    /** @return the seed of the fixtures and of every generated value */
    long seed() default SimulatorFixtures.DEFAULT_SEED;

    /** @return the vetting delay as an ISO-8601 duration, e.g. {@code "PT10M"} */
    String vettingDelay() default "PT0S";

    /** @return {@code true} for plain HTTP on loopback instead of HTTPS */
    boolean plainHttp() default false;
}
