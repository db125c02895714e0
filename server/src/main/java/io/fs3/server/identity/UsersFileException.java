package io.fs3.server.identity;

import java.util.List;

/** The users file cannot be used: every problem, for one message to the operator. */
public final class UsersFileException extends RuntimeException {
    private final List<String> problems;

    public UsersFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
