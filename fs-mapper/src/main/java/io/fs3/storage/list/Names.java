package io.fs3.storage.list;

/** Small helpers on key strings and directory entry names. */
final class Names {
    private Names() {
    }

    /**
     * True if {@code name} can be one directory entry's name, so that resolving it cannot leave the
     * directory: not empty, not "." or "..", no '/' or NUL. Keys with such segments cannot exist.
     */
    static boolean isPlain(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\0') < 0;
    }

    /** The file name of a sort name (drops the '/' that marks a directory). */
    static String fileName(String sortName) {
        return isDirectory(sortName) ? sortName.substring(0, sortName.length() - 1) : sortName;
    }

    static boolean isDirectory(String sortName) {
        return sortName.endsWith("/");
    }

    /**
     * S3's common prefix of {@code key}: the key up to and including the first occurrence of the
     * delimiter after the request prefix, or null if there is none (then the key is listed itself).
     */
    static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int i = key.indexOf(delimiter, prefix.length());
        return i < 0 ? null : key.substring(0, i + delimiter.length());
    }
}
