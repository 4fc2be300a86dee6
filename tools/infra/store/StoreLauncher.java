import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * Runs mongo-java-server as a standalone MongoDB-wire store for development and tests.
 *
 * Usage: StoreLauncher --host 127.0.0.1 --port 27017 --backend h2|memory [--file store.mv] [--stock true]
 *
 * The server reports MongoDB 5.0 (wire version 8) because its default is below what the Node
 * driver 6 accepts. On SIGTERM a shutdown hook closes the server and then the backend: closing the
 * H2 MVStore is what commits its last changes, so a stop by SIGTERM keeps every acknowledged
 * write. A SIGKILL can lose up to the MVStore's auto-commit delay (about one second) of writes.
 *
 * Four fixes over stock mongo-java-server 1.47.0, found by the store conformance suite
 * (docs/store-conformance.md), and one for speed; `--stock true` turns them all off to compare:
 * 1. Snapshot reads. Stock query and findAndModify replies hold the live stored documents and are
 *    encoded after the collection lock is released, so a concurrent update can change a reply
 *    while it is sent: findOneAndUpdate "after" values repeat, and a reader can see half of
 *    another update. Here replies are deep copies taken under the collection lock.
 * 2. Non-unique indexes. Stock mongo-java-server accepts them but ignores them ("not yet
 *    implemented"), so every query on them scans the collection. Here they are real in-memory
 *    indexes (rebuilt from the data when a database opens) serving equality on all their fields.
 * 3. Collection creation. Stock `create` (mongoose's autoCreate) checks and creates a collection
 *    outside the database lock that an insert or createIndexes takes for the same, so the two can
 *    both create it and one fails with "Document with key '<db>.<coll>' already existed".
 *    Here both take the database lock.
 * 4. Index selection. Stock uses an index only when the query's fields are exactly the index's
 *    fields, so `{_id, version}` (every optimistic-concurrency write) scans the collection. Here
 *    an index (the _id index, other unique indexes, fix 2's) serves any query that gives a plain
 *    equality for each of its fields, whatever else the query has: it looks up those fields only
 *    and the collection re-checks every candidate against the full query. When several indexes
 *    qualify, the collection picks a unique one, then the one with the most fields.
 * 5. Unique indexes on the heap (H2 backend). Stock keeps them in MVMaps keyed by KeyValue, which
 *    is not Comparable, so H2 orders keys by Java-serializing both sides of every comparison: at
 *    500 writes/s that was half of the store's allocations and the GC pauses behind the write
 *    tail. Here they are hashed in memory and rebuilt from the documents when a database opens.
 */
public final class StoreLauncher {

    /** The single MVStore of this process, needed while H2Database's constructor runs. */
    private static MVStore h2Store;

    private StoreLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.getOrDefault("port", "27017"));
        String backendName = options.getOrDefault("backend", "h2");
        boolean stock = Boolean.parseBoolean(options.getOrDefault("stock", "false"));

        int cacheMb = Integer.parseInt(options.getOrDefault("cache-mb", "16"));
        MongoBackend backend = createBackend(backendName, options.get("file"), stock, cacheMb);
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
                + (stock ? " (stock)" : "") + (options.containsKey("file") ? " file=" + options.get("file") : ""));
        stopped.await();
    }

    private static MongoBackend createBackend(String name, String file, boolean stock, int cacheMb) {
        switch (name) {
            case "memory":
                return stock ? new MemoryBackend() : new ConformingMemoryBackend();
            case "h2":
                if (file == null) {
                    throw new IllegalArgumentException("--file is required for the h2 backend");
                }
                File parent = new File(file).getAbsoluteFile().getParentFile();
                if (!parent.isDirectory() && !parent.mkdirs()) {
                    throw new IllegalStateException("cannot create " + parent);
                }
                if (stock) {
                    return new H2Backend(file);
                }
                // MVStore keeps documents Java-serialized and deserializes every read that misses its
                // page cache (16 MB by default): on a 100,000-product catalog most reads missed.
                h2Store = new MVStore.Builder().fileName(file).cacheSize(cacheMb).open();
                return new ConformingH2Backend(h2Store);
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

    private static List<Document> deepCopies(List<Document> documents) {
        List<Document> copies = new ArrayList<>(documents.size());
        for (Document document : documents) {
            copies.add(document == null ? null : document.cloneDeeply());
        }
        return copies;
    }

    // ---- H2 backend with snapshot reads and secondary indexes ----

    static final class ConformingH2Backend extends H2Backend {
        ConformingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new ConformingH2Database(databaseName, h2Store, getCursorRegistry());
        }
    }

    static final class ConformingH2Database extends H2Database {
        // Same map names as H2Database, so data written by the stock backend opens here too.
        private static final String DATA_PREFIX = "databases.";
        private static final String META_PREFIX = "meta.";

        ConformingH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = h2Store.openMap(DATA_PREFIX + fullName);
            MVMap<String, Object> metaMap = h2Store.openMap(META_PREFIX + fullName);
            return new SnapshotH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }

        /**
         * Fix 5: the collection rebuilds the empty heap index from its documents when it opens (as
         * for fix 2). The stock map is removed, so a stale copy can never serve a stock launcher
         * later: it finds no map and rebuilds its own from the documents too.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            String stockMap = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (h2Store.hasMap(stockMap)) {
                h2Store.removeMap(stockMap);
            }
            return new EqualityServingIndex<>(new HeapUniqueIndex(indexName, keys, sparse));
        }

        @Override
        public synchronized MongoCollection<Object> createCollectionOrThrowIfExists(String name, CollectionOptions options) {
            return super.createCollectionOrThrowIfExists(name, options);
        }
    }

    /**
     * Replies are copied under the collection lock. Reads made by the collection's own writes
     * (findAndModify, delete) must see the stored objects, hence the nesting counter.
     */
    static final class SnapshotH2Collection extends H2Collection {
        private int writesInProgress;
        private boolean copyReplies;

        SnapshotH2Collection(MongoDatabase database, String name, CollectionOptions options,
                             MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, name, options, dataMap, metaMap, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters parameters) {
            boolean previous = copyReplies;
            copyReplies = writesInProgress == 0;
            try {
                return super.handleQuery(parameters);
            } finally {
                copyReplies = previous;
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Index<Object> index = chooseIndex(getIndexes(), query);
            if (index == null) {
                return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            // matchDocuments re-checks every candidate against the full query.
            return matchDocuments(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            return super.createQueryResult(copyReplies ? deepCopies(matchedDocuments) : matchedDocuments, batchSize);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            writesInProgress++;
            try {
                return super.findAndModify(query).cloneDeeply();
            } finally {
                writesInProgress--;
            }
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            writesInProgress++;
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                writesInProgress--;
            }
        }
    }

    // ---- memory backend with snapshot reads and secondary indexes ----

    static final class ConformingMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new ConformingMemoryDatabase(databaseName, getCursorRegistry());
        }
    }

    static final class ConformingMemoryDatabase extends MemoryDatabase {
        ConformingMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new SnapshotMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                         List<IndexKey> keys, boolean sparse) {
            return new EqualityServingIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
        }

        @Override
        public synchronized MongoCollection<Integer> createCollectionOrThrowIfExists(String name, CollectionOptions options) {
            return super.createCollectionOrThrowIfExists(name, options);
        }
    }

    /** As SnapshotH2Collection; the memory backend updates stored documents in place. */
    static final class SnapshotMemoryCollection extends MemoryCollection {
        private int writesInProgress;
        private boolean copyReplies;

        SnapshotMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters parameters) {
            boolean previous = copyReplies;
            copyReplies = writesInProgress == 0;
            try {
                return super.handleQuery(parameters);
            } finally {
                copyReplies = previous;
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Index<Integer> index = chooseIndex(getIndexes(), query);
            if (index == null) {
                return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            // matchDocuments re-checks every candidate against the full query.
            return matchDocuments(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            return super.createQueryResult(copyReplies ? deepCopies(matchedDocuments) : matchedDocuments, batchSize);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            writesInProgress++;
            try {
                return super.findAndModify(query).cloneDeeply();
            } finally {
                writesInProgress--;
            }
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            writesInProgress++;
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                writesInProgress--;
            }
        }
    }

    // ---- index selection ----

    /**
     * A value an index can look up as is: a plain equality, not an operator or embedded document,
     * not null (which also matches a missing field), not an array (which also matches an element)
     * and not a regular expression.
     */
    static boolean isPlainEquality(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    /** True when the query gives a plain equality for every field of the index, whatever else it has. */
    static boolean coveredByEquality(List<IndexKey> keys, Document query) {
        for (IndexKey indexKey : keys) {
            String key = indexKey.getKey();
            if (key.contains(".") || key.startsWith("$") || !isPlainEquality(query.get(key))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Among the indexes that can handle the query, the one expected to give the fewest candidates:
     * one covered by equality before one the stock code handles otherwise ($in, $regex), then a
     * unique index (at most one candidate per key) before a non-unique one, then the one with the
     * most fields; ties keep the collection's order (the _id index first). Null: scan.
     */
    static <P> Index<P> chooseIndex(List<Index<P>> indexes, Document query) {
        Index<P> best = null;
        int bestRank = Integer.MIN_VALUE;
        for (Index<P> index : indexes) {
            if (!index.canHandle(query)) {
                continue;
            }
            int fields = index.getKeys().size();
            int rank = (coveredByEquality(index.getKeys(), query) ? 1 << 20 : 0)
                    + (index.isUnique() ? 1 << 10 : 0) + Math.min(fields, (1 << 10) - 1);
            if (rank > bestRank) {
                best = index;
                bestRank = rank;
            }
        }
        return best;
    }

    /**
     * Wraps a unique index of the backend (the _id index among them) so that it also serves
     * queries with more fields than its own: when the query gives a plain equality for each of
     * its fields, it looks up a query reduced to those fields; the collection then re-checks each
     * candidate against the full query. Any other query is left to the stock index's rules
     * (its exact-fields `$in` and `$regex`). Every other call goes to the stock index unchanged.
     */
    static final class EqualityServingIndex<P> extends Index<P> {
        private final Index<P> stock;

        EqualityServingIndex(Index<P> stock) {
            super(stock.getName(), stock.getKeys(), isSparse(stock));
            this.stock = stock;
        }

        private static boolean isSparse(Index<?> index) {
            return Boolean.TRUE.equals(index.toIndexDescription().get("sparse"));
        }

        private Document reduced(Document query) {
            Document reduced = new Document();
            for (IndexKey key : getKeys()) {
                reduced.put(key.getKey(), query.get(key.getKey()));
            }
            return reduced;
        }

        @Override
        public boolean canHandle(Document query) {
            return coveredByEquality(getKeys(), query) || stock.canHandle(query);
        }

        @Override
        public Iterable<P> getPositions(Document query) {
            if (coveredByEquality(getKeys(), query)) {
                return stock.getPositions(reduced(query));
            }
            return stock.getPositions(query);
        }

        @Override
        public P getPosition(Document document) {
            return stock.getPosition(document);
        }

        @Override
        public void checkAdd(Document document, MongoCollection<P> collection) {
            stock.checkAdd(document, collection);
        }

        @Override
        public void add(Document document, P position, MongoCollection<P> collection) {
            stock.add(document, position, collection);
        }

        @Override
        public P remove(Document document) {
            return stock.remove(document);
        }

        @Override
        public long getCount() {
            return stock.getCount();
        }

        @Override
        public boolean isEmpty() {
            return stock.isEmpty();
        }

        @Override
        public long getDataSize() {
            return stock.getDataSize();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
            stock.checkUpdate(oldDocument, newDocument, collection);
        }

        @Override
        public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
            stock.updateInPlace(oldDocument, newDocument, position, collection);
        }

        @Override
        public void drop() {
            stock.drop();
        }

        @Override
        public boolean isUnique() {
            return stock.isUnique();
        }

        @Override
        public Set<KeyValue> getKeyValues(Document document) {
            return stock.getKeyValues(document);
        }

        @Override
        public Document toIndexDescription() {
            return stock.toIndexDescription();
        }

        @Override
        public String toString() {
            return stock.toString();
        }
    }

    /**
     * A unique index of the H2 backend kept on the heap (fix 5): key values → position, hashed. As
     * stock H2UniqueIndex, a null position is stored as Missing, the key the collection's data map
     * uses for it.
     */
    static final class HeapUniqueIndex extends AbstractUniqueIndex<Object> {
        private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

        HeapUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return positions.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return positions.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Entry<KeyValue, Object>> getIterable() {
            return positions.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return positions.get(keyValue);
        }

        @Override
        public long getCount() {
            return positions.size();
        }

        @Override
        public boolean isEmpty() {
            return positions.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * A non-unique index kept in memory: key values → (document _id → position). It serves
     * queries that give a plain equality for every field of the index (no operators, no null, no
     * arrays, no dotted paths), whatever other fields or operators they have: it looks up only its
     * own fields, and the collection re-checks each candidate against the full query. Any other
     * query scans, exactly as stock. All calls arrive under the collection's lock.
     */
    static final class SecondaryIndex<P> extends Index<P> {
        private final Map<KeyValue, Map<Object, P>> entries = new HashMap<>();
        private long count;

        SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        private boolean skipped(Document document) {
            if (!isSparse()) {
                return false;
            }
            for (String key : keys()) {
                if (document.containsKey(key) || key.contains(".")) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public P getPosition(Document document) {
            return null; // not unique: the _id index locates a document
        }

        @Override
        public void checkAdd(Document document, MongoCollection<P> collection) {
            // non-unique: nothing to reject
        }

        @Override
        public void add(Document document, P position, MongoCollection<P> collection) {
            if (skipped(document)) {
                return;
            }
            Object id = document.get("_id");
            for (KeyValue keyValue : getKeyValues(document)) {
                if (entries.computeIfAbsent(keyValue, k -> new LinkedHashMap<>()).put(id, position) == null) {
                    count++;
                }
            }
        }

        @Override
        public P remove(Document document) {
            if (skipped(document)) {
                return null;
            }
            Object id = document.get("_id");
            P removed = null;
            for (KeyValue keyValue : getKeyValues(document)) {
                Map<Object, P> positions = entries.get(keyValue);
                if (positions == null) {
                    continue;
                }
                P position = positions.remove(id);
                if (position != null) {
                    removed = position;
                    count--;
                }
                if (positions.isEmpty()) {
                    entries.remove(keyValue);
                }
            }
            return removed;
        }

        @Override
        public boolean canHandle(Document query) {
            return coveredByEquality(getKeys(), query);
        }

        @Override
        public Iterable<P> getPositions(Document query) {
            // An equality query reads like a document holding those values (only the index's
            // fields are read); the same normalisation as for stored documents applies (1 == 1.0, ...).
            List<P> positions = new ArrayList<>();
            for (KeyValue keyValue : getKeyValues(query)) {
                Map<Object, P> matching = entries.get(keyValue);
                if (matching != null) {
                    positions.addAll(matching.values());
                }
            }
            return positions;
        }

        @Override
        public long getCount() {
            return count;
        }

        @Override
        public long getDataSize() {
            return count;
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
            // non-unique: nothing to reject
        }

        @Override
        public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
            if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
                remove(oldDocument);
                add(newDocument, position, collection);
            }
        }

        @Override
        public void drop() {
            entries.clear();
            count = 0;
        }
    }
}
