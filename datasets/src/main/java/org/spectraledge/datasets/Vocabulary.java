package org.spectraledge.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * A token vocabulary whose first three ids are the specials {@code <pad>} = 0, {@code <bos>} = 1 and
 * {@code <eos>} = 2, followed by the words in a fixed order.
 *
 * <p>Encoded sequences have a fixed length: an optional {@code <bos>}, the words, one {@code <eos>},
 * then {@code <pad>} up to the length.
 *
 * @param tokens every token, indexed by id; starts with the three specials
 */
public record Vocabulary(List<String> tokens) {

    /** Padding id. */
    public static final int PAD = 0;
    /** Begin-of-sequence id. */
    public static final int BOS = 1;
    /** End-of-sequence id. */
    public static final int EOS = 2;
    /** The three special tokens, in id order. */
    public static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>");

    public Vocabulary {
        tokens = List.copyOf(tokens);
        if (tokens.size() < SPECIALS.size() || !tokens.subList(0, SPECIALS.size()).equals(SPECIALS)) {
            throw new IllegalArgumentException("a vocabulary must start with " + SPECIALS + ", got " + tokens);
        }
        if (tokens.stream().distinct().count() != tokens.size()) {
            throw new IllegalArgumentException("vocabulary tokens must be distinct, got " + tokens);
        }
    }

    /** The specials followed by {@code words}. */
    public static Vocabulary withSpecials(List<String> words) {
        List<String> all = new ArrayList<>(SPECIALS);
        all.addAll(words);
        return new Vocabulary(all);
    }

    /** The number of ids, specials included. */
    public int size() {
        return tokens.size();
    }

    /**
     * The id of a token.
     *
     * @throws IllegalArgumentException if the token is not in the vocabulary
     */
    public int id(String token) {
        // a linear scan: the vocabularies here have a few dozen tokens at most
        int id = tokens.indexOf(token);
        if (id < 0) {
            throw new IllegalArgumentException("'" + token + "' is not in the vocabulary " + tokens);
        }
        return id;
    }

    /** The token of an id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("id " + id + " is outside [0, " + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /**
     * [{@code <bos>}?] words {@code <eos>} {@code <pad>}… as ids, exactly {@code length} long.
     *
     * @throws IllegalArgumentException if the words do not fit or one is unknown
     */
    public int[] encode(List<String> words, int length, boolean withBos) {
        int needed = words.size() + 1 + (withBos ? 1 : 0);
        if (needed > length) {
            throw new IllegalArgumentException(words.size() + " words need " + needed
                    + " ids with the specials but the length is " + length);
        }
        int[] ids = new int[length];
        int i = 0;
        if (withBos) {
            ids[i++] = BOS;
        }
        for (String word : words) {
            ids[i++] = id(word);
        }
        ids[i] = EOS;
        // the rest stays 0 = PAD
        return ids;
    }

    /** The words of an encoded sequence: skips a leading {@code <bos>}, stops at {@code <eos>} or {@code <pad>}. */
    public List<String> decode(int[] ids) {
        List<String> words = new ArrayList<>();
        int start = ids.length > 0 && ids[0] == BOS ? 1 : 0;
        for (int i = start; i < ids.length && ids[i] != EOS && ids[i] != PAD; i++) {
            words.add(token(ids[i]));
        }
        return words;
    }
}
