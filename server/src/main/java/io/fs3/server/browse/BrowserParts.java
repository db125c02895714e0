package io.fs3.server.browse;

import io.fs3.config.WebUiSettings;
import io.fs3.storage.BucketStore;
import io.fs3.storage.ObjectLister;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.list.ContinuationTokens;
import io.fs3.webui.WebUi;

import java.time.Clock;

/** What the bucket browser's views and actions share; built once by {@link BrowseOp#create}. */
record BrowserParts(WebUiSettings settings, WebUi ui, BrowserSessions sessions, Permissions permissions,
                    BucketStore buckets, ObjectStore objects, ObjectLister lister, ContinuationTokens tokens,
                    Presigner presigner, UploadPolicies uploads, Clock clock) {
}
