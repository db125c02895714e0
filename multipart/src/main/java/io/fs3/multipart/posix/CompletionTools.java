package io.fs3.multipart.posix;

import io.fs3.multipart.ObjectChecksums;
import io.fs3.storage.meta.MetadataStore;
import io.fs3.storage.posix.MetadataLoader;
import io.fs3.storage.posix.Publisher;

/** What a completion uses to build and publish the object (one instance, shared by all completions). */
record CompletionTools(Assembler assembler, ObjectChecksums checksums, MetadataStore metadataStore,
                       Publisher publisher, MetadataLoader metadataLoader) {
}
