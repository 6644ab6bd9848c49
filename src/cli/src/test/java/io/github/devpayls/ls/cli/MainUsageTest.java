package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level help lists every command with a whole sentence, not one cut at the line end. */
class MainUsageTest {

    @Test
    void help_listsEachCommandWithAWholeSentence() {
        CommandRun run = CommandRun.run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        String commands = run.out().substring(run.out().indexOf("Commands:"));
        assertThat(commands.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()))
                .hasSize(6)
                .allSatisfy(line -> assertThat(line).endsWith("."));
    }
}
