"""boto3: copy, batch delete, tagging, CORS and a presigned POST form upload. Usage: boto3_object_ops.py ENDPOINT BUCKET"""
import os
import sys
import urllib.request
import uuid

import boto3
import botocore
from botocore.config import Config

endpoint, bucket = sys.argv[1], sys.argv[2]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name=os.environ.get("FS3_IT_REGION", "us-east-1"),
                  aws_access_key_id=os.environ.get("FS3_IT_ACCESS_KEY", "test-access-key"),
                  aws_secret_access_key=os.environ.get("FS3_IT_SECRET_KEY", "test-secret-key"),
                  config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                retries={"max_attempts": 1, "mode": "standard"}))
s3.create_bucket(Bucket=bucket)

def code(fn):
    try:
        fn()
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    raise AssertionError("expected an error")

# copy with REPLACE metadata, and the self-copy rule
s3.put_object(Bucket=bucket, Key="a.txt", Body=b"alpha", Metadata={"x": "1"}, Tagging="t=1")
s3.copy_object(Bucket=bucket, Key="b.txt", CopySource={"Bucket": bucket, "Key": "a.txt"},
               MetadataDirective="REPLACE", Metadata={"y": "2"}, ContentType="text/x-b")
h = s3.head_object(Bucket=bucket, Key="b.txt")
assert h["Metadata"] == {"y": "2"} and h["ContentType"] == "text/x-b", h
assert s3.get_object(Bucket=bucket, Key="b.txt")["Body"].read() == b"alpha"
assert code(lambda: s3.copy_object(Bucket=bucket, Key="a.txt", CopySource={"Bucket": bucket, "Key": "a.txt"})) == "InvalidRequest"
assert code(lambda: s3.copy_object(Bucket=bucket, Key="c.txt", CopySource={"Bucket": bucket, "Key": "a.txt"},
                                   CopySourceIfMatch='"nope"')) == "PreconditionFailed"

# tagging
assert s3.get_object_tagging(Bucket=bucket, Key="a.txt")["TagSet"] == [{"Key": "t", "Value": "1"}]
s3.put_object_tagging(Bucket=bucket, Key="a.txt", Tagging={"TagSet": [{"Key": "k", "Value": "v"}]})
assert s3.get_object_tagging(Bucket=bucket, Key="a.txt")["TagSet"] == [{"Key": "k", "Value": "v"}]
assert code(lambda: s3.put_object_tagging(Bucket=bucket, Key="a.txt", Tagging={"TagSet": [
    {"Key": "aws:reserved", "Value": "v"}]})) == "InvalidTag"
s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "owner", "Value": "lab"}]})
assert s3.get_bucket_tagging(Bucket=bucket)["TagSet"] == [{"Key": "owner", "Value": "lab"}]

# CORS
s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
    {"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "AllowedHeaders": ["*"], "MaxAgeSeconds": 60}]})
assert s3.get_bucket_cors(Bucket=bucket)["CORSRules"][0]["AllowedMethods"] == ["GET"]
assert code(lambda: s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
    {"AllowedOrigins": ["*"], "AllowedMethods": ["PATCH"]}]})) == "InvalidRequest"
s3.delete_bucket_cors(Bucket=bucket)
assert code(lambda: s3.get_bucket_cors(Bucket=bucket)) == "NoSuchCORSConfiguration"

# presigned POST (browser form upload), signed by botocore
post = s3.generate_presigned_post(bucket, "uploads/${filename}",
                                  Fields={"success_action_status": "201"},
                                  Conditions=[{"success_action_status": "201"}, ["starts-with", "$key", "uploads/"],
                                              ["content-length-range", 1, 1024]], ExpiresIn=300)
boundary = uuid.uuid4().hex
parts = []
for name, value in post["fields"].items():
    parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, name, value)).encode())
parts.append(('--%s\r\nContent-Disposition: form-data; name="file"; filename="hello.txt"\r\n'
              'Content-Type: text/plain\r\n\r\n' % boundary).encode() + b"posted by a form" + b"\r\n")
parts.append(("--%s--\r\n" % boundary).encode())
req = urllib.request.Request(post["url"], data=b"".join(parts), method="POST",
                             headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
resp = urllib.request.urlopen(req)
assert resp.status == 201, resp.status
body = resp.read()
assert b"<Key>uploads/hello.txt</Key>" in body, body
assert s3.get_object(Bucket=bucket, Key="uploads/hello.txt")["Body"].read() == b"posted by a form"

# batch delete
keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
out = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in keys]})
assert sorted(d["Key"] for d in out["Deleted"]) == sorted(keys), out
assert "Contents" not in s3.list_objects_v2(Bucket=bucket)
s3.delete_bucket(Bucket=bucket)
print("BOTO3 OBJECT OPS OK", boto3.__version__)
