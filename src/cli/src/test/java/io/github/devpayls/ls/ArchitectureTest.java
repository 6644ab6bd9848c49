package io.github.devpayls.ls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering of the whole project, checked on the compiled classes of every module (this module
 * sees them all): contract &larr; client &larr; store &larr; cli; contract &larr; simulator; the
 * simulator never imports the client; the contract imports none of them. And the public API (the
 * client's top-level package and {@code store}) shows no contract, generated, CXF, JAXB or JAX-WS
 * type in any public signature.
 */
class ArchitectureTest {

    private static final String API_PACKAGE = "io.github.devpayls.ls";
    private static final String INTERNAL = API_PACKAGE + ".internal..";
    private static final String STORE = API_PACKAGE + ".store..";
    private static final String CONTRACT = API_PACKAGE + ".contract..";
    private static final String SIMULATOR = API_PACKAGE + ".simulator..";
    private static final String CLI = API_PACKAGE + ".cli..";
    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "io.github.devpayls.ls.internal.", "io.github.devpayls.ls.contract.", "org.apache.cxf.", "jakarta.xml.bind.", "jakarta.xml.ws.",
            "jakarta.xml.soap.", "javax.xml.bind.", "javax.xml.ws.", "javax.xml.soap.", "com.sun.xml.");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API_PACKAGE);

    @Test
    void publicApi_exposesNoContractGeneratedCxfOrJaxbTypeInAnySignature() {
        List<String> violations = new ArrayList<>();
        int membersChecked = signatureViolations(API_PACKAGE, violations)
                + signatureViolations(API_PACKAGE + ".store", violations);
        assertThat(membersChecked).as("public members checked").isGreaterThan(80);
        assertThat(violations).isEmpty();
    }

    @Test
    void signatureCheck_wouldCatchALeak() {
        // The internal package does expose CXF and contract types; the same check must see them.
        List<String> violations = new ArrayList<>();
        signatureViolations(API_PACKAGE + ".internal", violations);
        assertThat(violations).anyMatch(v -> v.contains("org.apache.cxf.") || v.contains(".internal."));
    }

    private static int signatureViolations(String packageName, List<String> violations) {
        int membersChecked = 0;
        for (JavaClass type : CLASSES) {
            if (!type.getPackageName().equals(packageName) || !exported(type)) {
                continue;
            }
            List<JavaType> supertypes = new ArrayList<>();
            type.getRawSuperclass().ifPresent(supertypes::add);
            supertypes.addAll(type.getInterfaces());
            check(type.getName() + " extends/implements", supertypes, violations);
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (!visible(member.getModifiers())) {
                    continue;
                }
                membersChecked++;
                List<JavaType> involved = new ArrayList<>(member.getParameterTypes());
                involved.add(member.getReturnType());
                involved.addAll(member.getThrowsClause().getTypes());
                check(member.getFullName(), involved, violations);
            }
            for (JavaField field : type.getFields()) {
                if (visible(field.getModifiers())) {
                    membersChecked++;
                    check(field.getFullName(), List.of(field.getType()), violations);
                }
            }
        }
        return membersChecked;
    }

    /**
     * The internal types other packages must reach, each with the reason; everything else in
     * {@code internal} is package-private. Adding a public internal type is a decision: add it here.
     */
    private static final Set<String> PUBLIC_INTERNALS = Set.of(
            "BoundedFiles",            // store reads entries and the CLI reads input files through it
            "BoundedFiles$Refusal",    // ... and tell the caller which limit a file broke
            "BoundedFiles$RefusedFileException",
            "ClientConfiguration",     // LicenseServiceClient.Builder builds it
            "ClientDefaults",          // RetryPolicy and the builder take their defaults from it
            "CxfLicenseServiceClient", // the builder opens it
            "EndpointRule",            // the builder checks the endpoint with it
            "RetryExecutor",           // the builder makes the real one; the lifecycle's polling waits with its Sleeper
            "RetryExecutor$Sleeper",
            "SensitiveNames",          // the CLI masks its output with the same list
            "SimulatorClientFactory",  // ServiceLoader instantiates it for the simulator's JUnit extension
            "TlsTrust",                // the builder turns its trust options into one
            "TokenExpirationRule");    // the request, the lifecycle builder and stored entries share the rule               // the builder turns its trust options into one

    @Test
    void internal_publicTypes_areExactlyTheListedOnes() {
        Set<String> exported = CLASSES.stream()
                .filter(type -> type.getPackageName().equals(API_PACKAGE + ".internal"))
                .filter(type -> !type.getSimpleName().equals("package-info"))
                .filter(ArchitectureTest::exported)
                .map(type -> type.getName().substring(type.getPackageName().length() + 1))
                .collect(Collectors.toSet());
        assertThat(exported).as("public types in io.github.devpayls.ls.internal")
                .containsExactlyInAnyOrderElementsOf(PUBLIC_INTERNALS);
    }

    @Test
    void contract_dependsOnNoOtherPartOfTheProject() {
        noClasses().that().resideInAPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage(API_PACKAGE, INTERNAL, STORE, SIMULATOR, CLI)
                .check(CLASSES);
    }

    @Test
    void simulator_dependsOnTheContractOnly_neverOnTheClient() {
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage(API_PACKAGE, INTERNAL, STORE, CLI)
                .check(CLASSES);
    }

    @Test
    void client_dependsOnTheContract_notOnStoreSimulatorOrCli() {
        noClasses().that().resideInAnyPackage(API_PACKAGE, INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, SIMULATOR, CLI)
                .check(CLASSES);
    }

    @Test
    void store_dependsOnTheClient_notOnSimulatorOrCli() {
        noClasses().that().resideInAPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage(SIMULATOR, CLI)
                .check(CLASSES);
    }

    @Test
    void layeringRules_seeEveryPackage() {
        assertThat(CLASSES.stream().map(JavaClass::getPackageName).distinct())
                .as("the imported packages")
                .contains(API_PACKAGE, API_PACKAGE + ".internal", API_PACKAGE + ".store", API_PACKAGE + ".contract",
                        API_PACKAGE + ".contract.generated", API_PACKAGE + ".simulator", API_PACKAGE + ".cli");
    }

    private static boolean exported(JavaClass type) {
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!visible(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void check(String where, List<? extends JavaType> types, List<String> violations) {
        for (JavaType type : types) {
            for (JavaClass raw : type.getAllInvolvedRawTypes()) {
                String name = raw.getName();
                if (FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith)) {
                    violations.add(where + " uses " + name);
                }
            }
        }
    }
}
