"""boto3 against an S3 endpoint: the calls people make every day. Usage: boto3_smoke.py ENDPOINT BUCKET WORKDIR"""
import hashlib
import os
import sys
import urllib.request

import boto3
import botocore
from botocore.config import Config
from boto3.s3.transfer import TransferConfig

endpoint, bucket, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name=os.environ.get("FS3_IT_REGION", "us-east-1"),
                  aws_access_key_id=os.environ.get("FS3_IT_ACCESS_KEY", "test-access-key"),
                  aws_secret_access_key=os.environ.get("FS3_IT_SECRET_KEY", "test-secret-key"),
                  config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                retries={"max_attempts": 1, "mode": "standard"}))

s3.create_bucket(Bucket=bucket)
assert bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]]

body = b"boto3 says hi"
put = s3.put_object(Bucket=bucket, Key="dir/hi.txt", Body=body, ContentType="text/plain", Metadata={"k": "v"})
assert put["ETag"] == '"%s"' % hashlib.md5(body).hexdigest(), put["ETag"]
head = s3.head_object(Bucket=bucket, Key="dir/hi.txt")
assert head["ContentLength"] == len(body) and head["Metadata"] == {"k": "v"}, head
assert s3.get_object(Bucket=bucket, Key="dir/hi.txt")["Body"].read() == body
assert s3.get_object(Bucket=bucket, Key="dir/hi.txt", Range="bytes=0-4")["Body"].read() == b"boto3"

for i in range(7):
    s3.put_object(Bucket=bucket, Key="many/%02d" % i, Body=b"x" * i)
pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="many/", PaginationConfig={"PageSize": 3})
keys = [o["Key"] for p in pages for o in p.get("Contents", [])]
assert keys == ["many/%02d" % i for i in range(7)], keys
v1 = s3.list_objects(Bucket=bucket, Delimiter="/")
assert [p["Prefix"] for p in v1["CommonPrefixes"]] == ["dir/", "many/"], v1

src = os.path.join(workdir, "upload.bin")
with open(src, "wb") as f:
    f.write(os.urandom(2 * 1024 * 1024))
s3.upload_file(src, bucket, "upload.bin", Config=TransferConfig(multipart_threshold=64 * 1024 * 1024))
dst = os.path.join(workdir, "download.bin")
s3.download_file(bucket, "upload.bin", dst)
assert open(src, "rb").read() == open(dst, "rb").read()

url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "dir/hi.txt"}, ExpiresIn=300)
assert urllib.request.urlopen(url).read() == body

try:
    s3.get_object(Bucket=bucket, Key="missing")
    raise AssertionError("expected NoSuchKey")
except botocore.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "NoSuchKey", e.response

for o in s3.list_objects_v2(Bucket=bucket)["Contents"]:
    s3.delete_object(Bucket=bucket, Key=o["Key"])
s3.delete_bucket(Bucket=bucket)
print("BOTO3 OK", boto3.__version__)
