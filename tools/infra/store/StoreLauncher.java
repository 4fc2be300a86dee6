import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Runs mongo-java-server as a standalone MongoDB-wire store for development and tests.
 *
 * Usage: StoreLauncher --host 127.0.0.1 --port 27017 --backend h2|memory [--file path/to/store.mv]
 *
 * The server reports MongoDB 5.0 because its default (3.6) is below what the Node driver 6 accepts.
 * On SIGTERM a shutdown hook closes the server and then the backend: closing the H2 MVStore is what
 * commits its last changes, so a stop by SIGTERM keeps every acknowledged write. A SIGKILL can lose
 * up to the MVStore's auto-commit delay (about one second) of writes.
 */
public final class StoreLauncher {

    private StoreLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.getOrDefault("port", "27017"));
        String backendName = options.getOrDefault("backend", "h2");

        MongoBackend backend = createBackend(backendName, options.get("file"));
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("store: stopping");
            // shutdownNow closes client connections first, so a busy client cannot delay the commit.
            server.shutdownNow();
            System.out.println("store: stopped, backend closed");
            stopped.countDown();
        }, "store-shutdown"));

        System.out.println("store: listening on " + host + ":" + port + " backend=" + backendName
                + (options.containsKey("file") ? " file=" + options.get("file") : ""));
        stopped.await();
    }

    private static MongoBackend createBackend(String name, String file) {
        switch (name) {
            case "memory":
                return new MemoryBackend();
            case "h2":
                if (file == null) {
                    throw new IllegalArgumentException("--file is required for the h2 backend");
                }
                File parent = new File(file).getAbsoluteFile().getParentFile();
                if (!parent.isDirectory() && !parent.mkdirs()) {
                    throw new IllegalStateException("cannot create " + parent);
                }
                return new H2Backend(file);
            default:
                throw new IllegalArgumentException("unknown backend '" + name + "' (expected h2 or memory)");
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
