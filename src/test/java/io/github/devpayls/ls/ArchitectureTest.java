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
import org.junit.jupiter.api.Test;

/**
 * The public API (the top-level package) shows no generated, CXF, JAXB or JAX-WS type in any
 * public signature, and the simulator never depends on the public facade.
 */
class ArchitectureTest {

    private static final String API_PACKAGE = "io.github.devpayls.ls";
    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "io.github.devpayls.ls.internal.", "org.apache.cxf.", "jakarta.xml.bind.", "jakarta.xml.ws.",
            "jakarta.xml.soap.", "javax.xml.bind.", "javax.xml.ws.", "javax.xml.soap.", "com.sun.xml.");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API_PACKAGE);

    @Test
    void publicApi_exposesNoGeneratedCxfOrJaxbTypeInAnySignature() {
        List<String> violations = new ArrayList<>();
        int membersChecked = signatureViolations(API_PACKAGE, violations);
        assertThat(membersChecked).as("public members checked").isGreaterThan(50);
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

    @Test
    void simulator_doesNotDependOnThePublicFacade() {
        noClasses().that().resideInAPackage(API_PACKAGE + ".simulator..")
                .should().dependOnClassesThat().resideInAPackage(API_PACKAGE)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void facadeImplementation_doesNotDependOnSimulatorOrCli() {
        noClasses().that().resideInAnyPackage(API_PACKAGE, API_PACKAGE + ".internal")
                .should().dependOnClassesThat().resideInAnyPackage(API_PACKAGE + ".simulator..", API_PACKAGE + ".cli..")
                .check(CLASSES);
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
