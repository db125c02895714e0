// fs3 bucket browser: confirmations, copy-to-clipboard and uploads with a progress bar. No framework, no build.
(function () {
  'use strict';

  // Forms with data-confirm (deletes) ask first.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  var copyButton = document.getElementById('copy-link');
  if (copyButton) {
    copyButton.addEventListener('click', function () {
      var input = document.getElementById('share-url');
      input.select();
      var done = function () { copyButton.textContent = 'Copied'; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  }

  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('upload-files');
  var box = document.getElementById('upload-progress');
  var bar = document.getElementById('upload-bar');
  var status = document.getElementById('upload-status');

  function s3Message(xhr) {
    var m = /<Message>([^<]*)<\/Message>/.exec(xhr.responseText || '');
    return m ? m[1] : 'HTTP ' + xhr.status;
  }

  // Each file is one S3 POST-policy upload (the signed fields are the form's hidden inputs), one after another.
  function upload(files) {
    var total = files.reduce(function (sum, f) { return sum + f.size; }, 0) || 1;
    var sent = 0;
    var index = 0;
    box.hidden = false;
    form.querySelector('button').disabled = true;
    function show(bytes) { bar.value = Math.min(100, Math.round(100 * bytes / total)); }
    function next() {
      if (index >= files.length) {
        show(total);
        status.textContent = 'Uploaded ' + files.length + (files.length === 1 ? ' file.' : ' files.');
        window.location.reload();
        return;
      }
      var file = files[index];
      var data = new FormData();
      form.querySelectorAll('input[type=hidden]').forEach(function (f) { data.append(f.name, f.value); });
      data.append('key', form.dataset.prefix + file.name);
      data.append('Content-Type', file.type || 'application/octet-stream');
      data.append('file', file);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action'));
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) { show(sent + e.loaded * file.size / e.total); } };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          sent += file.size;
          index++;
          next();
        } else {
          fail(file, s3Message(xhr));
        }
      };
      xhr.onerror = function () { fail(file, 'network error'); };
      status.textContent = 'Uploading ' + file.name + ' (' + (index + 1) + ' of ' + files.length + ')…';
      xhr.send(data);
    }
    function fail(file, message) {
      status.textContent = 'Upload of ' + file.name + ' failed: ' + message;
      box.classList.add('failed');
      form.querySelector('button').disabled = false;
    }
    next();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    if (files.length) {
      upload(files);
    } else {
      input.click();
    }
  });
})();
