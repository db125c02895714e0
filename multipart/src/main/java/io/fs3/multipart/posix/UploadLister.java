package io.fs3.multipart.posix;

import io.fs3.multipart.PartInfo;
import io.fs3.multipart.PartsPage;
import io.fs3.multipart.UploadId;
import io.fs3.multipart.UploadInfo;
import io.fs3.multipart.UploadsPage;
import io.fs3.multipart.UploadsQuery;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.Utf8Order;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ListParts and ListMultipartUploads, read from the staging directories (state lives in the tree, so
 * every instance sees the same uploads). Uploads are ordered by key (UTF-8) and then by initiation.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
 */
final class UploadLister {
    private static final Comparator<UploadInfo> ORDER = (a, b) -> {
        int c = Utf8Order.compare(a.key(), b.key());
        return c != 0 ? c : a.id().compareTo(b.id());
    };
    private final StagingLayout layout;

    UploadLister(StagingLayout layout) {
        this.layout = layout;
    }

    PartsPage parts(Path bucketDir, String key, UploadId id, int marker, int maxParts) {
        Path dir = layout.upload(bucketDir, id);
        Manifest manifest = Manifest.require(dir, key, id);
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                int n = StagingLayout.partNumberOf(entry.getFileName().toString());
                if (n > marker) {
                    numbers.add(n);
                }
            }
        } catch (NoSuchFileException e) {
            throw S3Exception.of(S3Error.NO_SUCH_UPLOAD).withResource(key); // completed or aborted meanwhile
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e);
        }
        numbers.sort(null);
        List<PartInfo> page = new ArrayList<>();
        for (int n : numbers.subList(0, Math.min(maxParts, numbers.size()))) { // only this page's records are read
            PartRecord.read(dir, n).ifPresent(r -> page.add(r.info()));
        }
        int next = page.isEmpty() ? 0 : page.get(page.size() - 1).number();
        return new PartsPage(manifest.info(id), page, next, numbers.size() > maxParts);
    }

    UploadsPage uploads(Path bucketDir, UploadsQuery q) {
        List<UploadInfo> all = open(bucketDir).stream().filter(u -> u.key().startsWith(q.prefix()))
                .filter(u -> after(u, q)).sorted(ORDER).toList();
        List<UploadInfo> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastId = null;
        for (UploadInfo u : all) {
            String common = commonPrefix(u.key(), q);
            if (common != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common)) {
                continue; // rolled up into the prefix just listed
            }
            if (uploads.size() + prefixes.size() >= q.maxUploads()) {
                return new UploadsPage(uploads, prefixes, true, lastKey, lastId);
            }
            if (common != null) {
                prefixes.add(common);
                lastKey = common;
                lastId = null;
            } else {
                uploads.add(u);
                lastKey = u.key();
                lastId = u.id().value();
            }
        }
        return new UploadsPage(uploads, prefixes, false, null, null);
    }

    /** Every open upload of the bucket (uploads being completed or aborted are not listed). */
    List<UploadInfo> open(Path bucketDir) {
        List<UploadInfo> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.root(bucketDir))) {
            for (Path entry : entries) {
                layout.idOf(entry.getFileName().toString(), "")
                        .ifPresent(id -> Manifest.read(entry).ifPresent(m -> out.add(m.info(id))));
            }
        } catch (NoSuchFileException e) {
            return out; // no upload was ever started in this bucket
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e);
        }
        return out;
    }

    /** key-marker alone: keys after it; with upload-id-marker also that key's later uploads; a rolled-up prefix is skipped whole. */
    private static boolean after(UploadInfo u, UploadsQuery q) {
        if (q.keyMarker() == null || q.keyMarker().isEmpty()) {
            return true;
        }
        int c = Utf8Order.compare(u.key(), q.keyMarker());
        if (c == 0) {
            return q.uploadIdMarker() != null && u.id().value().compareTo(q.uploadIdMarker()) > 0;
        }
        boolean inMarkerPrefix = q.delimiter() != null && q.keyMarker().endsWith(q.delimiter())
                && u.key().startsWith(q.keyMarker());
        return c > 0 && !inMarkerPrefix;
    }

    private static String commonPrefix(String key, UploadsQuery q) {
        if (q.delimiter() == null) {
            return null;
        }
        int i = key.indexOf(q.delimiter(), q.prefix().length());
        return i < 0 ? null : key.substring(0, i + q.delimiter().length());
    }
}
