package io.fs3.server.fastpath;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.concurrent.RejectedExecutionException;

/**
 * How the direct paths leave Jetty's I/O thread and hand requests on, in one place: whatever happens, the
 * request is completed (a full thread pool is 503, a failure nothing else answered is Jetty's error response).
 */
final class WorkerDispatch {
    /** Work for a worker thread that may throw. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private WorkerDispatch() {
    }

    /** Runs {@code task} on Jetty's thread pool. */
    static void toWorker(Request request, Response response, Callback callback, Task task) {
        try {
            request.getComponents().getExecutor().execute(() -> runCompleting(request, response, callback, task));
        } catch (RejectedExecutionException full) {
            Response.writeError(request, response, callback, 503);
        }
    }

    /** Runs {@code task} on Jetty's thread pool; false if the pool refused it (the caller then answers). */
    static boolean tryWorker(Request request, Runnable task) {
        try {
            request.getComponents().getExecutor().execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** Runs {@code task} here; a failure it lets through still completes the request. */
    static void runCompleting(Request request, Response response, Callback callback, Task task) {
        try {
            task.run();
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /** Lets {@code next} (Jersey's servlet context) answer, 404 if it declines. */
    static void handOn(Handler next, Request request, Response response, Callback callback) {
        runCompleting(request, response, callback, () -> {
            if (!next.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        });
    }
}
