package dev.ddbstreams.codegen.model;

import java.util.List;
import java.util.stream.Collectors;

/** A model cannot be used; carries every problem found, not just the first. */
public final class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ModelProblem> problems;

    public ModelException(List<ModelProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public ModelException(ModelProblem problem) {
        this(List.of(problem));
    }

    /** Every problem found, in the order found. */
    public List<ModelProblem> problems() {
        return problems;
    }

    private static String describe(List<ModelProblem> problems) {
        String heading = problems.size() == 1 ? "The model has a problem:" : "The model has " + problems.size() + " problems:";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", heading + "\n", ""));
    }
}
