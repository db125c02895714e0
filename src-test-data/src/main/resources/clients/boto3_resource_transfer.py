"""boto3's resource API, managed transfers above multipart thresholds, paginators with delimiters, presigned GET/PUT.

Usage: boto3_resource_transfer.py ENDPOINT BUCKET WORKDIR
Credentials: FS3_IT_ACCESS_KEY / FS3_IT_SECRET_KEY / FS3_IT_REGION (default: fs3's test user).
"""
import hashlib
import io
import os
import sys
import urllib.request

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

MiB = 1024 * 1024
endpoint, bucket, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
session = boto3.session.Session(aws_access_key_id=os.environ.get("FS3_IT_ACCESS_KEY", "test-access-key"),
                                aws_secret_access_key=os.environ.get("FS3_IT_SECRET_KEY", "test-secret-key"),
                                region_name=os.environ.get("FS3_IT_REGION", "us-east-1"))
s3 = session.resource("s3", endpoint_url=endpoint,
                      config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                    retries={"max_attempts": 1, "mode": "standard"}))
client = s3.meta.client


def md5_file(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(MiB), b""):
            h.update(block)
    return h.hexdigest()


# --- resource API: buckets, objects, attributes, collections
b = s3.Bucket(bucket)
b.create()
b.wait_until_exists()
assert bucket in [x.name for x in s3.buckets.all()]
readme = b.Object("docs/readme.txt")
readme.put(Body=b"resource api", ContentType="text/plain", Metadata={"owner": "resource"})
readme.reload()
assert readme.content_length == 12 and readme.content_type == "text/plain", readme
assert readme.metadata == {"owner": "resource"}, readme.metadata
assert readme.e_tag == '"%s"' % hashlib.md5(b"resource api").hexdigest(), readme.e_tag
assert readme.get()["Body"].read() == b"resource api"
for i in range(5):
    b.put_object(Key="logs/2024/%02d.log" % i, Body=b"log line %d" % i)
logs = [o.key for o in b.objects.filter(Prefix="logs/")]
assert logs == ["logs/2024/%02d.log" % i for i in range(5)], logs
assert [o.key for o in b.objects.page_size(2).all()] == ["docs/readme.txt"] + logs
copy = b.Object("docs/copy.txt")
copy.copy_from(CopySource={"Bucket": bucket, "Key": "docs/readme.txt"})
copy.reload()
assert copy.metadata == {"owner": "resource"} and copy.content_type == "text/plain", (copy.metadata, copy.content_type)
b.Object("docs/copy.txt").delete()

# --- managed transfers: multipart above 5 MiB, parallel ranged downloads, multipart copy
tc = TransferConfig(multipart_threshold=5 * MiB, multipart_chunksize=5 * MiB, max_concurrency=4)
src = os.path.join(workdir, "boto3-big.bin")
with open(src, "wb") as f:
    f.write(os.urandom(13 * MiB))
b.upload_file(src, "big/big.bin", Config=tc,
              ExtraArgs={"Metadata": {"kind": "big"}, "ContentType": "application/x-big"})
head = client.head_object(Bucket=bucket, Key="big/big.bin")
assert head["ETag"].endswith('-3"'), head["ETag"]
assert head["ContentLength"] == 13 * MiB and head["Metadata"] == {"kind": "big"}, head
assert head["ContentType"] == "application/x-big", head
dst = os.path.join(workdir, "boto3-big.back")
b.download_file("big/big.bin", dst, Config=tc)
assert md5_file(dst) == md5_file(src)
client.copy({"Bucket": bucket, "Key": "big/big.bin"}, bucket, "big/copy.bin", Config=tc)
buf = io.BytesIO()
client.download_fileobj(bucket, "big/copy.bin", buf, Config=tc)
assert hashlib.md5(buf.getvalue()).hexdigest() == md5_file(src)
client.upload_fileobj(io.BytesIO(b"small via upload_fileobj"), bucket, "small/obj.txt", Config=tc)
assert client.get_object(Bucket=bucket, Key="small/obj.txt")["Body"].read() == b"small via upload_fileobj"

# --- paginators: V2 with a delimiter one entry per page, V1 with markers
pages = list(client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Delimiter="/",
                                                              PaginationConfig={"PageSize": 1}))
prefixes = [p["Prefix"] for page in pages for p in page.get("CommonPrefixes", [])]
assert prefixes == ["big/", "docs/", "logs/", "small/"], prefixes
assert len(pages) == 4, len(pages)
v1 = list(client.get_paginator("list_objects").paginate(Bucket=bucket, Prefix="logs/", PaginationConfig={"PageSize": 2}))
assert [o["Key"] for page in v1 for o in page["Contents"]] == logs
assert len(v1) == 3, len(v1)
nested = client.list_objects_v2(Bucket=bucket, Prefix="logs/", Delimiter="/")
assert [p["Prefix"] for p in nested["CommonPrefixes"]] == ["logs/2024/"] and "Contents" not in nested, nested

# --- presigned PUT then GET, no credentials on the wire
put_url = client.generate_presigned_url("put_object", ExpiresIn=300,
                                        Params={"Bucket": bucket, "Key": "presigned/put.txt", "ContentType": "text/plain"})
resp = urllib.request.urlopen(urllib.request.Request(put_url, data=b"put through a presigned url", method="PUT",
                                                     headers={"Content-Type": "text/plain"}))
assert resp.status == 200, resp.status
get_url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "presigned/put.txt"}, ExpiresIn=300)
got = urllib.request.urlopen(get_url)
assert got.read() == b"put through a presigned url" and got.headers["Content-Type"] == "text/plain"

# --- cleanup through the resource collections (DeleteObjects), then the bucket
b.objects.all().delete()
assert list(b.objects.all()) == []
b.delete()
b.wait_until_not_exists()
print("BOTO3 RESOURCE TRANSFER OK", boto3.__version__)
