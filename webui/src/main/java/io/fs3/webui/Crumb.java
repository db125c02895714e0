package io.fs3.webui;

import java.util.ArrayList;
import java.util.List;

/** One breadcrumb: a label and the link to it (null for the current page). */
record Crumb(String label, String url) {
    /** Buckets › bucket › each folder of {@code prefix}; the last one is not linked when {@code lastIsCurrent}. */
    static List<Crumb> forPath(BrowserUrls urls, String bucket, String prefix, boolean lastIsCurrent) {
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb("Buckets", urls.buckets()));
        crumbs.add(new Crumb(bucket, urls.folder(bucket, "")));
        int start = 0;
        for (int slash = prefix.indexOf('/'); slash >= 0; slash = prefix.indexOf('/', start)) {
            crumbs.add(new Crumb(prefix.substring(start, slash), urls.folder(bucket, prefix.substring(0, slash + 1))));
            start = slash + 1;
        }
        if (start < prefix.length()) {
            crumbs.add(new Crumb(prefix.substring(start), null)); // an object's own name
        }
        if (lastIsCurrent) {
            Crumb last = crumbs.remove(crumbs.size() - 1);
            crumbs.add(new Crumb(last.label(), null));
        }
        return crumbs;
    }
}
