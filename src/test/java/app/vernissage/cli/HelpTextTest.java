package app.vernissage.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's --help prints cleanly. picocli reads descriptions as format strings; a bare "%"
 * (as in "25%") made it print "[picocli WARN] Could not format ..." on the process's stderr.
 */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"inpaint", "outpaint", "zoomout", "fill", "models", "self-test"})
    void helpIsPrintedWithoutPicocliWarnings(String command) {
        PrintStream original = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        CliFixture.Run run;
        try {
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            run = CliFixture.run(command, "--help");
        } finally {
            System.setErr(original);
        }
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Usage: vernissage " + command), run.toString());
        String warnings = stray.toString(StandardCharsets.UTF_8) + run.err();
        assertFalse(warnings.contains("WARN"), warnings);
    }
}
