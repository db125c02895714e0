package io.fs3.webui;

import io.fs3.storage.ObjectSummary;

import java.io.Writer;
import java.util.Map;

/**
 * A folder: breadcrumbs, a filter box (names starting with…), upload and new-folder forms, then folders and
 * objects of one listing page with size, time and type, and a link to the next page.
 */
final class FolderPage {
    private final BrowserUrls urls;
    private final Layout layout;

    FolderPage(BrowserUrls urls, Layout layout) {
        this.urls = urls;
        this.layout = layout;
    }

    void render(Writer w, FolderView v, Viewer viewer) {
        HtmlOut out = new HtmlOut(w);
        String here = urls.folder(v.bucket(), v.prefix());
        layout.begin(out, v.prefix().isEmpty() ? v.bucket() : v.bucket() + "/" + v.prefix(), viewer, here);
        layout.crumbs(out, Crumb.forPath(urls, v.bucket(), v.prefix(), true));
        out.raw("<div class=\"toolbar\">");
        filterForm(out, v);
        if (viewer.signedIn()) {
            actionForms(out, v, viewer);
        }
        out.raw("</div>");
        table(out, v, viewer);
        pager(out, v);
        layout.end(out);
    }

    private void filterForm(HtmlOut out, FolderView v) {
        out.raw("<form class=\"filter\" method=\"get\" role=\"search\"").attr("action", urls.bucketPath(v.bucket())).raw(">")
                .hidden(BrowserUrls.BROWSER, "true");
        if (!v.prefix().isEmpty()) {
            out.hidden(BrowserUrls.PREFIX, v.prefix());
        }
        if (v.pageSize() != null) {
            out.hidden(BrowserUrls.PAGE_SIZE, Integer.toString(v.pageSize()));
        }
        out.raw("<input type=\"search\" id=\"filter\" aria-label=\"Filter by the start of the name\"")
                .attr("name", BrowserUrls.FILTER).attr("value", v.filter())
                .raw(" placeholder=\"Names starting with…\"><button type=\"submit\">Filter</button>");
        if (!v.filter().isEmpty()) {
            out.link(urls.folder(v.bucket(), v.prefix()), "clear", "Clear");
        }
        out.raw("</form>");
    }

    private void actionForms(HtmlOut out, FolderView v, Viewer viewer) {
        FolderView.Actions a = v.actions();
        if (!a.uploadFields().isEmpty()) {
            out.raw("<form id=\"upload-form\" class=\"upload\" method=\"post\" enctype=\"multipart/form-data\"")
                    .attr("action", urls.bucketPath(v.bucket())).attr("data-prefix", v.prefix()).raw(">");
            for (Map.Entry<String, String> f : a.uploadFields().entrySet()) {
                out.hidden(f.getKey(), f.getValue());
            }
            out.raw("<input type=\"file\" id=\"upload-files\" name=\"file\" multiple aria-label=\"Files to upload\">")
                    .raw("<button type=\"submit\" id=\"upload-button\">Upload</button></form>");
        }
        if (a.canCreateFolder()) {
            out.raw("<form class=\"mkdir\" method=\"post\"").attr("action", urls.createFolder()).raw(">")
                    .hidden("csrf", viewer.csrfToken()).hidden("bucket", v.bucket()).hidden("prefix", v.prefix())
                    .raw("<input type=\"text\" id=\"folder-name\" name=\"name\" required maxlength=\"255\"")
                    .raw(" placeholder=\"New folder name\" aria-label=\"New folder name\">")
                    .raw("<button type=\"submit\" id=\"create-folder\">Create folder</button></form>");
        }
        if (!a.uploadFields().isEmpty()) {
            out.raw("<div id=\"upload-progress\" class=\"progress\" hidden>")
                    .raw("<progress id=\"upload-bar\" max=\"100\" value=\"0\"></progress>")
                    .raw("<span id=\"upload-status\" role=\"status\"></span></div>");
        }
    }

    private void table(HtmlOut out, FolderView v, Viewer viewer) {
        out.raw("<div class=\"table-wrap\"><table id=\"listing\" class=\"listing\"><thead><tr><th>Name</th>")
                .raw("<th class=\"num\">Size</th><th class=\"col-time\">Last modified</th><th class=\"col-type\">Type</th>")
                .raw("<th class=\"col-actions\"><span class=\"sr-only\">Actions</span></th></tr></thead><tbody>");
        int rows = 0;
        for (String folder : v.page().commonPrefixes()) {
            folderRow(out, v, viewer, folder);
            rows++;
        }
        for (ObjectSummary o : v.page().objects()) {
            if (!o.key().equals(v.prefix())) { // the folder's own marker object is the folder itself
                objectRow(out, v, viewer, o);
                rows++;
            }
        }
        if (rows == 0) {
            out.raw("<tr><td colspan=\"5\" class=\"empty\">")
                    .text(v.filter().isEmpty() ? "This folder is empty." : "No names start with “" + v.filter() + "”.")
                    .raw("</td></tr>");
        }
        out.raw("</tbody></table></div>");
    }

    private void folderRow(HtmlOut out, FolderView v, Viewer viewer, String folder) {
        String name = folder.substring(v.prefix().length());
        out.raw("<tr class=\"folder\"").attr("data-key", folder).raw("><td class=\"name\"><a class=\"entry\"")
                .attr("href", urls.folder(v.bucket(), folder)).raw(">").raw(Layout.FOLDER_ICON)
                .raw("<span>").text(name).raw("</span></a></td><td class=\"num\">—</td><td class=\"col-time\"></td>")
                .raw("<td class=\"col-type\">Folder</td><td class=\"col-actions\">");
        if (viewer.signedIn() && v.actions().canDelete()) {
            layout.postButton(out, urls.delete(), viewer, "Delete the empty folder “" + name + "”?", "Delete",
                    "small danger", "bucket", v.bucket(), "key", folder);
        }
        out.raw("</td></tr>");
    }

    private void objectRow(HtmlOut out, FolderView v, Viewer viewer, ObjectSummary o) {
        String name = o.key().substring(v.prefix().length());
        out.raw("<tr class=\"object\"").attr("data-key", o.key()).raw("><td class=\"name\"><a class=\"entry\"")
                .attr("href", urls.object(v.bucket(), o.key())).raw(">").raw(Layout.FILE_ICON)
                .raw("<span>").text(name).raw("</span></a></td><td class=\"num\"")
                .attr("title", o.size() + " bytes").raw(">").text(Formats.size(o.size())).raw("</td>")
                .raw("<td class=\"col-time\"><time").attr("datetime", Formats.isoTime(o.lastModified())).raw(">")
                .text(Formats.time(o.lastModified())).raw("</time></td><td class=\"col-type\">")
                .text(v.contentTypes().getOrDefault(o.key(), "")).raw("</td><td class=\"col-actions\">")
                .raw("<a class=\"button small\"").attr("href", urls.download(v.bucket(), o.key()))
                .raw(" download>Download</a>");
        if (viewer.signedIn() && v.actions().canDelete()) {
            layout.postButton(out, urls.delete(), viewer, "Delete “" + name + "”?", "Delete", "small danger",
                    "bucket", v.bucket(), "key", o.key());
        }
        out.raw("</td></tr>");
    }

    private void pager(HtmlOut out, FolderView v) {
        if (v.pageNumber() == 1 && v.nextToken() == null) {
            return;
        }
        out.raw("<nav class=\"pager\" aria-label=\"Pages\"><span class=\"page-no\">Page ").text(Integer.toString(v.pageNumber()))
                .raw("</span>");
        if (v.pageNumber() > 1) {
            out.link(urls.folderPage(v.bucket(), v.prefix(), v.filter(), null, 1, v.pageSize()), "button", "First page");
        }
        if (v.nextToken() != null) {
            out.raw("<a class=\"button\" rel=\"next\" id=\"next-page\"").attr("href",
                    urls.folderPage(v.bucket(), v.prefix(), v.filter(), v.nextToken(), v.pageNumber() + 1, v.pageSize()))
                    .raw(">Next page →</a>");
        }
        out.raw("</nav>");
    }
}
