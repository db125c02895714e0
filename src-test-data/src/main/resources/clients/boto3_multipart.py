"""boto3 multipart: upload_file/download_file above a low threshold, and the low-level calls.
Usage: boto3_multipart.py ENDPOINT BUCKET WORKDIR"""
import hashlib
import os
import sys

import boto3
import botocore
from botocore.config import Config
from boto3.s3.transfer import TransferConfig

endpoint, bucket, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  aws_access_key_id="test-access-key", aws_secret_access_key="test-secret-key",
                  config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                retries={"max_attempts": 1, "mode": "standard"}))
MIB = 1024 * 1024
s3.create_bucket(Bucket=bucket)

src = os.path.join(workdir, bucket + "-src.bin")
with open(src, "wb") as f:
    f.write(os.urandom(13 * MIB + 7))
low = TransferConfig(multipart_threshold=5 * MIB, multipart_chunksize=5 * MIB)
s3.upload_file(src, bucket, "dir/big.bin", Config=low)
head = s3.head_object(Bucket=bucket, Key="dir/big.bin")
assert head["ETag"].endswith('-3"'), head["ETag"]
assert head["ContentLength"] == 13 * MIB + 7, head
listed = s3.list_objects_v2(Bucket=bucket, Prefix="dir/")["Contents"][0]
assert listed["ETag"] == head["ETag"], (listed, head)
dst = os.path.join(workdir, bucket + "-dst.bin")
s3.download_file(bucket, "dir/big.bin", dst, Config=low)
assert hashlib.md5(open(src, "rb").read()).digest() == hashlib.md5(open(dst, "rb").read()).digest()

# low level, as tools that manage uploads themselves do
up = s3.create_multipart_upload(Bucket=bucket, Key="manual", Metadata={"k": "v"})
uid = up["UploadId"]
part = s3.upload_part(Bucket=bucket, Key="manual", UploadId=uid, PartNumber=1, Body=b"only part")
uploads = s3.list_multipart_uploads(Bucket=bucket)["Uploads"]
assert [u["UploadId"] for u in uploads] == [uid], uploads
parts = s3.list_parts(Bucket=bucket, Key="manual", UploadId=uid)["Parts"]
assert [(p["PartNumber"], p["ETag"], p["Size"]) for p in parts] == [(1, part["ETag"], 9)], parts
done = s3.complete_multipart_upload(Bucket=bucket, Key="manual", UploadId=uid,
                                    MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})
assert s3.head_object(Bucket=bucket, Key="manual")["ETag"] == done["ETag"]
assert s3.get_object(Bucket=bucket, Key="manual")["Body"].read() == b"only part"

gone = s3.create_multipart_upload(Bucket=bucket, Key="gone")["UploadId"]
s3.abort_multipart_upload(Bucket=bucket, Key="gone", UploadId=gone)
try:
    s3.list_parts(Bucket=bucket, Key="gone", UploadId=gone)
    raise AssertionError("expected NoSuchUpload")
except botocore.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "NoSuchUpload", e.response

for o in s3.list_objects_v2(Bucket=bucket)["Contents"]:
    s3.delete_object(Bucket=bucket, Key=o["Key"])
s3.delete_bucket(Bucket=bucket)
print("BOTO3 MULTIPART OK", boto3.__version__)
