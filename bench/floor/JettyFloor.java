import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * The floor under fs3's small GET: the Jetty 12 that fs3 ships, with one non-blocking handler answering
 * every request with the same 4 KiB from memory (no signature, no filesystem). Run by floor.sh.
 */
public final class JettyFloor {
    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        ByteBuffer body = ByteBuffer.allocate(4096);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "binary/octet-stream");
                response.getHeaders().put("ETag", "\"0123456789abcdef0123456789abcdef\"");
                response.write(true, body.duplicate(), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
