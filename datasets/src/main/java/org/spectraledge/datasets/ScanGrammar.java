package org.spectraledge.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The SCAN language of Lake and Baroni (2018), "Generalization without systematicity": its
 * command grammar and the interpretation of each command as a sequence of actions.
 *
 * <p><b>Grammar</b> (written out from the paper's description):
 * <pre>
 *   C → S | S and S | S after S
 *   S → V | V twice | V thrice
 *   V → U | X left | X right | X opposite left | X opposite right | X around left | X around right
 *   X → U | turn
 *   U → walk | look | run | jump
 * </pre>
 * That gives 4 + 5·6 = 34 phrases V, 3·34 = 102 phrases S and 102 + 2·102² = 20,910 commands C.
 *
 * <p><b>Interpretation</b> (⟦·⟧; L = I_TURN_LEFT, R = I_TURN_RIGHT, and D is L or R for the
 * direction word):
 * <pre>
 *   ⟦walk⟧ = I_WALK, ⟦look⟧ = I_LOOK, ⟦run⟧ = I_RUN, ⟦jump⟧ = I_JUMP
 *   ⟦turn dir⟧ = D                      ⟦u dir⟧ = D ⟦u⟧
 *   ⟦turn opposite dir⟧ = D D           ⟦u opposite dir⟧ = D D ⟦u⟧
 *   ⟦turn around dir⟧ = D D D D         ⟦u around dir⟧ = (D ⟦u⟧) ×4
 *   ⟦v twice⟧ = ⟦v⟧ ⟦v⟧                 ⟦v thrice⟧ = ⟦v⟧ ⟦v⟧ ⟦v⟧
 *   ⟦s1 and s2⟧ = ⟦s1⟧ ⟦s2⟧             ⟦s1 after s2⟧ = ⟦s2⟧ ⟦s1⟧
 * </pre>
 * The longest action sequence ("u around dir thrice" twice, joined) has 2 · 3 · 8 = 48 actions; the
 * longest command has 9 words.
 */
public final class ScanGrammar {

    /** The primitive verbs U. */
    public static final List<String> VERBS = List.of("walk", "look", "run", "jump");
    /** The directions. */
    public static final List<String> DIRECTIONS = List.of("left", "right");
    /** Every word of the command language, in the order of {@link #COMMAND_VOCAB}. */
    public static final List<String> COMMAND_WORDS = List.of("walk", "look", "run", "jump", "turn", "left", "right",
            "opposite", "around", "twice", "thrice", "and", "after");
    /** Every action, in the order of {@link #ACTION_VOCAB}. */
    public static final List<String> ACTIONS = List.of("I_WALK", "I_LOOK", "I_RUN", "I_JUMP", "I_TURN_LEFT",
            "I_TURN_RIGHT");
    /** Command tokens: {@code <pad> <bos> <eos>} then the 13 command words. */
    public static final Vocabulary COMMAND_VOCAB = Vocabulary.withSpecials(COMMAND_WORDS);
    /** Action tokens: {@code <pad> <bos> <eos>} then the 6 actions. */
    public static final Vocabulary ACTION_VOCAB = Vocabulary.withSpecials(ACTIONS);
    /** The number of distinct commands the grammar generates. */
    public static final int COMMAND_COUNT = 20_910;
    /** The most words in one command. */
    public static final int MAX_COMMAND_WORDS = 9;
    /** The most actions in one interpretation. */
    public static final int MAX_ACTIONS = 48;

    private ScanGrammar() {}

    /**
     * Every command of the grammar, each once: first the 102 phrases S, then all "S and S", then all
     * "S after S" (pairs in the order of the S list).
     */
    public static List<String> commands() {
        List<String> vs = new ArrayList<>();
        vs.addAll(VERBS);
        List<String> xs = new ArrayList<>(VERBS);
        xs.add("turn");
        for (String x : xs) {
            for (String dir : DIRECTIONS) {
                vs.add(x + " " + dir);
                vs.add(x + " opposite " + dir);
                vs.add(x + " around " + dir);
            }
        }
        List<String> ss = new ArrayList<>();
        for (String v : vs) {
            ss.add(v);
            ss.add(v + " twice");
            ss.add(v + " thrice");
        }
        List<String> cs = new ArrayList<>(ss);
        for (String conjunction : List.of("and", "after")) {
            for (String s1 : ss) {
                for (String s2 : ss) {
                    cs.add(s1 + " " + conjunction + " " + s2);
                }
            }
        }
        return Collections.unmodifiableList(cs);
    }

    /**
     * The action sequence of a command, e.g. "walk after run" → [I_RUN, I_WALK].
     *
     * @param command words separated by single or multiple spaces
     * @throws IllegalArgumentException if the command is not in the SCAN language
     */
    public static List<String> interpret(String command) {
        List<String> words = Arrays.asList(command.trim().split(" +"));
        int and = words.indexOf("and");
        int after = words.indexOf("after");
        if (and >= 0 && after >= 0 || words.lastIndexOf("and") != and || words.lastIndexOf("after") != after) {
            throw notScan(command, "at most one 'and' or 'after' is allowed");
        }
        int conjunction = Math.max(and, after);
        if (conjunction < 0) {
            return phrase(words, command);
        }
        List<String> first = phrase(words.subList(0, conjunction), command);
        List<String> second = phrase(words.subList(conjunction + 1, words.size()), command);
        List<String> actions = new ArrayList<>(first.size() + second.size());
        // "s1 after s2" does s2 first
        actions.addAll(and >= 0 ? first : second);
        actions.addAll(and >= 0 ? second : first);
        return Collections.unmodifiableList(actions);
    }

    /** ⟦S⟧: a V phrase, optionally repeated by "twice"/"thrice". */
    private static List<String> phrase(List<String> words, String command) {
        if (words.isEmpty()) {
            throw notScan(command, "a phrase is empty");
        }
        String last = words.get(words.size() - 1);
        int repeats = last.equals("twice") ? 2 : last.equals("thrice") ? 3 : 1;
        List<String> once = verbPhrase(repeats == 1 ? words : words.subList(0, words.size() - 1), command);
        List<String> actions = new ArrayList<>(once.size() * repeats);
        for (int r = 0; r < repeats; r++) {
            actions.addAll(once);
        }
        return actions;
    }

    /** ⟦V⟧: "u", "x dir", "x opposite dir" or "x around dir" with x a verb or "turn". */
    private static List<String> verbPhrase(List<String> words, String command) {
        String x = words.isEmpty() ? "" : words.get(0);
        boolean turn = x.equals("turn");
        if (!turn && !VERBS.contains(x)) {
            throw notScan(command, "a phrase must start with walk, look, run, jump or turn, not '" + x + "'");
        }
        List<String> verb = turn ? List.of() : List.of("I_" + x.toUpperCase(java.util.Locale.ROOT));
        if (words.size() == 1) {
            if (turn) {
                throw notScan(command, "'turn' needs a direction");
            }
            return verb;
        }
        String dir = words.get(words.size() - 1);
        if (!DIRECTIONS.contains(dir)) {
            throw notScan(command, "expected left or right after '" + String.join(" ", words.subList(0, words.size() - 1))
                    + "', got '" + dir + "'");
        }
        String d = dir.equals("left") ? "I_TURN_LEFT" : "I_TURN_RIGHT";
        List<String> actions = new ArrayList<>();
        if (words.size() == 2) {
            actions.add(d);
            actions.addAll(verb);
        } else if (words.size() == 3 && words.get(1).equals("opposite")) {
            actions.add(d);
            actions.add(d);
            actions.addAll(verb);
        } else if (words.size() == 3 && words.get(1).equals("around")) {
            for (int i = 0; i < 4; i++) {
                actions.add(d);
                actions.addAll(verb);
            }
        } else {
            throw notScan(command, "cannot read the phrase '" + String.join(" ", words) + "'");
        }
        return actions;
    }

    private static IllegalArgumentException notScan(String command, String why) {
        return new IllegalArgumentException("'" + command + "' is not a SCAN command: " + why
                + " (grammar: C → S [and|after S], S → V [twice|thrice], "
                + "V → U | X dir | X opposite dir | X around dir, X → U | turn, U → walk|look|run|jump)");
    }
}
