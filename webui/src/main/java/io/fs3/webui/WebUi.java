package io.fs3.webui;

import io.fs3.storage.BucketSummary;

import java.util.List;
import java.util.Objects;

/** The bucket browser's pages. Each method returns a {@link Page} that the server streams as the response body. */
public final class WebUi {
    private final BrowserUrls urls;
    private final Assets assets;
    private final SimplePages simple;
    private final FolderPage folder;
    private final ObjectPage object;

    public WebUi(UriEncoder encoder) {
        this(encoder, Assets.load());
    }

    public WebUi(UriEncoder encoder, Assets assets) {
        this.assets = Objects.requireNonNull(assets, "assets");
        this.urls = new BrowserUrls(encoder, assets);
        Layout layout = new Layout(urls);
        this.simple = new SimplePages(urls, layout);
        this.folder = new FolderPage(urls, layout);
        this.object = new ObjectPage(urls, layout);
    }

    public BrowserUrls urls() {
        return urls;
    }

    public Assets assets() {
        return assets;
    }

    public Page buckets(List<BucketSummary> buckets, Viewer viewer) {
        List<BucketSummary> copy = List.copyOf(buckets);
        return w -> simple.buckets(w, copy, viewer);
    }

    public Page folder(FolderView view, Viewer viewer) {
        return w -> folder.render(w, view, viewer);
    }

    public Page object(ObjectView view, Viewer viewer) {
        return w -> object.render(w, view, viewer);
    }

    public Page login(String next, String accessKey, String error) {
        return w -> simple.login(w, next, accessKey, error);
    }

    public Page message(Viewer viewer, String title, String message, String returnTo) {
        return w -> simple.message(w, viewer, title, message, returnTo);
    }
}
