package io.cupboard.intake.api;

/** Ends an API request with a problem details response; the transaction rolls back. */
class ApiProblemException extends RuntimeException {

    private final transient ApiProblem problem;

    ApiProblemException(ApiProblem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    ApiProblem problem() {
        return problem;
    }
}
