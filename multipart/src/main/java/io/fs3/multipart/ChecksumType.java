package io.fs3.multipart;

/**
 * How a multipart object's checksum is formed (x-amz-checksum-type): COMPOSITE is a checksum of the part
 * checksums with a "-N" suffix; FULL_OBJECT is the CRC of the whole object, derived from the part CRCs.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
public enum ChecksumType {
    COMPOSITE, FULL_OBJECT
}
