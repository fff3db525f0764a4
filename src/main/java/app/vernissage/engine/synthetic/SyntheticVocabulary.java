package app.vernissage.engine.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo tokenizer's vocabulary: T5's special ids (pad 0, eos 1, unk 2), whole colour words in
 * English and Russian (each carrying its colour), and every Latin and Cyrillic letter, digit and
 * common punctuation mark, with and without the word-start marker, so any prompt tokenizes.
 */
final class SyntheticVocabulary {
    static final String WORD_START = "\u2581";
    static final int PAD = 0;
    static final int EOS = 1;
    static final int UNK = 2;

    /** A piece, its unigram log-probability, and its colour in [-1, 1] (null for no colour). */
    record Piece(String text, double score, float[] rgb) {
    }

    private SyntheticVocabulary() {
    }

    static List<Piece> pieces() {
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece("<pad>", 0, null));
        pieces.add(new Piece("</s>", 0, null));
        pieces.add(new Piece("<unk>", 0, null));
        colours().forEach((word, rgb) -> pieces.add(new Piece(WORD_START + word, -3, rgb)));
        pieces.add(new Piece(WORD_START, -6, null));
        StringBuilder chars = new StringBuilder("abcdefghijklmnopqrstuvwxyz0123456789.,!?-'\"():;");
        for (char c = '\u0430'; c <= '\u044f'; c++) {
            chars.append(c);
        }
        chars.append('\u0451');
        for (int i = 0; i < chars.length(); i++) {
            String c = String.valueOf(chars.charAt(i));
            pieces.add(new Piece(WORD_START + c, -9, null));
            pieces.add(new Piece(c, -8, null));
        }
        return pieces;
    }

    /** Colour words and their sRGB colour mapped to [-1, 1]. */
    private static Map<String, float[]> colours() {
        Map<String, float[]> c = new LinkedHashMap<>();
        put(c, 0xD03030, "red", "красный", "красная", "красное");
        put(c, 0x30A040, "green", "зелёный", "зеленый", "зелёная", "зеленая", "grass", "forest", "трава", "лес");
        put(c, 0x3050D0, "blue", "синий", "синяя", "синее");
        put(c, 0x70B0F0, "sky", "небо", "голубой", "голубая", "water", "вода", "sea", "море");
        put(c, 0xF0D030, "yellow", "жёлтый", "желтый", "жёлтая", "желтая", "sun", "солнце");
        put(c, 0xF08020, "orange", "оранжевый", "sunset", "закат");
        put(c, 0x9040C0, "purple", "violet", "фиолетовый");
        put(c, 0xF0A0C0, "pink", "розовый", "розовая");
        put(c, 0xF4F4F4, "white", "белый", "белая", "snow", "снег", "cloud", "облако");
        put(c, 0x181818, "black", "чёрный", "черный", "чёрная", "night", "ночь");
        put(c, 0x808080, "gray", "grey", "серый", "серая", "stone", "камень");
        put(c, 0x805030, "brown", "коричневый", "wood", "дерево", "sand", "песок");
        return c;
    }

    private static void put(Map<String, float[]> map, int rgb, String... words) {
        float[] v = {((rgb >> 16) & 255) / 127.5f - 1, ((rgb >> 8) & 255) / 127.5f - 1, (rgb & 255) / 127.5f - 1};
        for (String w : words) {
            map.put(w, v);
        }
    }
}
