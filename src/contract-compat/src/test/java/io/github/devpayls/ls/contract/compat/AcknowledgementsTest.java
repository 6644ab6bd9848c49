package io.github.devpayls.ls.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcknowledgementsTest {

    private static final String REMOVE_COUNT_ID = "BREAKING removed-element Echo/Count";

    @TempDir
    Path dir;

    private List<Difference> countRemoved() {
        Contract baseline = MiniContract.original().load(dir.resolve("baseline"));
        Contract working = MiniContract.original().xsd("<xs:element name=\"Count\" type=\"xs:int\" minOccurs=\"0\"/>", "")
                .load(dir.resolve("working"));
        return ContractDiff.compare(baseline, working);
    }

    @Test
    void judge_withoutAcknowledgement_failsOnTheBreak() {
        Acknowledgements.Verdict verdict = Acknowledgements.none().judge(countRemoved());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.unacknowledged()).extracting(Difference::id).containsExactly(REMOVE_COUNT_ID);
    }

    @Test
    void judge_acknowledgedBreak_passes() {
        Acknowledgements acks = Acknowledgements.parse("acks", """
                # reviewed
                BREAKING removed-element Echo/Count  Count was never read by the server (issue 99)
                """);

        Acknowledgements.Verdict verdict = acks.judge(countRemoved());

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.acknowledged()).extracting(Difference::id).containsExactly(REMOVE_COUNT_ID);
    }

    @Test
    void judge_staleAcknowledgement_fails() {
        Acknowledgements acks = Acknowledgements.parse("acks", """
                BREAKING removed-element Echo/Count  accepted once
                BREAKING removed-element EchoResult/Text  no such break any more
                """);

        Acknowledgements.Verdict verdict = acks.judge(countRemoved());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.stale()).containsExactly("BREAKING removed-element EchoResult/Text");
    }

    @Test
    void judge_acknowledgementWithoutReason_isMalformed() {
        Acknowledgements acks = Acknowledgements.parse("acks", "BREAKING removed-element Echo/Count\n");

        Acknowledgements.Verdict verdict = acks.judge(countRemoved());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.malformed()).singleElement().asString().startsWith("acks:1: expected");
    }

    @Test
    void judge_acknowledgedTwice_isMalformed() {
        Acknowledgements acks = Acknowledgements.parse("acks", """
                BREAKING removed-element Echo/Count  one
                BREAKING removed-element Echo/Count  two
                """);

        assertThat(acks.judge(countRemoved()).malformed()).singleElement().asString().contains("acknowledged twice");
    }

    @Test
    void judge_namespaceChange_makesANewContract_whoseBreaksNeedNoAcknowledgement() {
        Contract baseline = MiniContract.original().load(dir.resolve("baseline"));
        Contract working = MiniContract.original().everywhere("urn:test:echo:1", "urn:test:echo:2")
                .xsd("<xs:element name=\"Count\" type=\"xs:int\" minOccurs=\"0\"/>", "").load(dir.resolve("working"));
        List<Difference> differences = ContractDiff.compare(baseline, working);

        Acknowledgements.Verdict verdict = Acknowledgements.none().judge(differences);

        assertThat(differences).extracting(Difference::id).contains(REMOVE_COUNT_ID);
        assertThat(verdict.newContract()).isTrue();
        assertThat(verdict.passed()).isTrue();
    }
}
