package app.vernissage.engine.text;

import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tokenizer path (DJL over a T5-shaped tokenizer.json), on the generated demo vocabulary. */
class PromptTokenizerTest {
    @TempDir
    static Path dir;
    static PromptTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.demo());
        tokenizer = PromptTokenizer.load(dir.resolve("tokenizer.json"), 128);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void englishWordsBecomeWholePiecesAndEndWithEos() {
        assertArrayEquals(new String[]{"\u2581red", "\u2581sky", "</s>"}, tokenizer.pieces("red sky"));
        long[] ids = tokenizer.encode("red sky");
        assertEquals(3, ids.length);
        assertEquals(PromptTokenizer.EOS_ID, ids[2]);
    }

    @Test
    void russianPromptsTokenizeToo() {
        String[] pieces = tokenizer.pieces("красный закат");
        assertEquals("\u2581красный", pieces[0]);
        assertEquals("\u2581закат", pieces[1]);
        long[] ids = tokenizer.encode("красный закат");
        assertEquals(PromptTokenizer.EOS_ID, ids[ids.length - 1]);
        assertTrue(java.util.Arrays.stream(ids).noneMatch(id -> id == 2), "no unknown pieces");
    }

    @Test
    void anyUnicodeWorksUnknownCharactersBecomeUnk() {
        long[] ids = tokenizer.encode("猫 \uD83D\uDE00");
        assertEquals(PromptTokenizer.EOS_ID, ids[ids.length - 1]);
        assertTrue(java.util.Arrays.stream(ids).anyMatch(id -> id == 2));
    }

    @Test
    void longPromptsAreCutTo128WithEosKept() {
        long[] ids = tokenizer.encode("red ".repeat(400));
        assertEquals(128, ids.length);
        assertEquals(PromptTokenizer.EOS_ID, ids[127]);
        assertTrue(ids[126] != PromptTokenizer.EOS_ID);
    }

    @Test
    void emptyPromptIsJustEos() {
        assertArrayEquals(new long[]{PromptTokenizer.EOS_ID}, tokenizer.encode(""));
    }
}
