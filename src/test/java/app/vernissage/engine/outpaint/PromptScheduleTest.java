package app.vernissage.engine.outpaint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The editor's prompt lines and the CLI's repeated --prompt make the same plan. */
class PromptScheduleTest {
    @Test
    void linesAreStrippedAndBlankOnesLeftOut() {
        assertEquals(List.of("a garden", "a city at night"), PromptSchedule.lines("  a garden \r\n\n   \na city at night\n"));
        assertEquals(List.of(), PromptSchedule.lines(" \n "));
        assertEquals(List.of(), PromptSchedule.lines(null));
    }

    @Test
    void eachPromptIsUsedForNStepsThenTheLastRepeats() {
        List<String> expanded = PromptSchedule.expand(List.of("garden", "city"), 2);
        assertEquals(List.of("garden", "garden", "city", "city"), expanded);
        ZoomOut.Plan plan = new ZoomOut.Plan(6, 2.0, 32, expanded);
        assertEquals(List.of("garden", "garden", "city", "city", "city", "city"),
                List.of(plan.promptFor(1), plan.promptFor(2), plan.promptFor(3), plan.promptFor(4), plan.promptFor(5),
                        plan.promptFor(6)));
        assertEquals(List.of("a", "b"), PromptSchedule.expand(List.of("a", "b"), 1), "1 is the CLI's plain --prompt list");
        assertThrows(IllegalArgumentException.class, () -> PromptSchedule.expand(List.of("a"), 0));
    }
}
