package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.store.CredentialStoreException;
import java.util.function.Consumer;

/** The one mapping of the library's failures to a report and an exit code, for the commands that call the service. */
final class CommandFailures {

    private CommandFailures() {
    }

    /**
     * @param failure what a command's call threw
     * @param print   prints the failure's report (standard error as text, standard output as JSON)
     * @return the exit code
     * @throws RuntimeException the failure itself when it is none of the library's (a defect)
     */
    static int report(RuntimeException failure, Consumer<Report> print) {
        if (failure instanceof InvalidInputException invalid) {
            print.accept(Report.invalidInput(invalid));
            return ExitCodes.INVALID_INPUT;
        }
        if (failure instanceof NoAnswerException noAnswer) {
            print.accept(Report.noAnswer(noAnswer));
            return exitCode(noAnswer);
        }
        if (failure instanceof CredentialStoreException store) {
            print.accept(Report.of("store-failed").put("message", store.getMessage()));
            return ExitCodes.STORE_FAILED;
        }
        throw failure;
    }

    /** @return 4 for a service that stayed unavailable, 5 for any other missing answer */
    static int exitCode(NoAnswerException failure) {
        return failure instanceof ServiceUnavailableException ? ExitCodes.SERVICE_UNAVAILABLE : ExitCodes.NO_ANSWER;
    }
}
