package io.fs3.config;

/** Where object metadata is kept: extended attributes, sidecar files, or detected per bucket. */
public enum MetadataMode {
    AUTO, XATTR, SIDECAR
}
