// Import pages: progress while a file (or a set of files) uploads and is checked, and while a confirmed import runs.
// Progressive enhancement only: without this file the forms submit as usual.
(function () {
  'use strict'

  function say(form, text) {
    var status = form.querySelector('[data-lantern-progress]') || document.querySelector('[data-lantern-progress]')
    if (status) status.textContent = text
  }

  function busy(form) {
    Array.prototype.forEach.call(document.querySelectorAll('button'), function (b) {
      if (b.form === form || form.contains(b)) b.disabled = true
    })
  }

  var upload = document.querySelector('form[data-lantern-upload]')
  if (upload && window.XMLHttpRequest && window.FormData) {
    upload.addEventListener('submit', function (event) {
      var input = upload.querySelector('input[type=file]')
      if (!input || !input.files || !input.files.length) return // let the server say what is missing
      event.preventDefault()
      var name = input.files.length === 1 ? input.files[0].name : input.files.length + ' files'
      var xhr = new XMLHttpRequest()
      xhr.open('POST', upload.action)
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) return
        var pct = Math.floor((e.loaded / e.total) * 100)
        say(upload, pct < 100 ? 'Uploading ' + name + ': ' + pct + '%' : 'Uploaded. Checking every row of ' + name + ' — a large file can take a minute …')
      })
      xhr.addEventListener('load', function () {
        if (xhr.responseURL && /\/imports\/(pending|sets)\//.test(xhr.responseURL)) {
          window.location.assign(xhr.responseURL)
          return
        }
        // A problem page (too large, no file): show it as the browser would have.
        document.open()
        document.write(xhr.responseText)
        document.close()
      })
      xhr.addEventListener('error', function () {
        say(upload, 'The upload did not finish (the connection was lost). Check your connection and try again.')
        Array.prototype.forEach.call(upload.querySelectorAll('button'), function (b) { b.disabled = false })
      })
      busy(upload)
      say(upload, 'Uploading ' + name + ' …')
      xhr.send(new FormData(upload))
    })
  }

  var confirm = document.querySelector('form[data-lantern-confirm]')
  if (confirm) {
    confirm.addEventListener('submit', function () {
      say(confirm, 'Importing ' + (confirm.getAttribute('data-rows') || 'the file') + ' in one go. Keep this page open: a large file can take a minute.')
      setTimeout(function () { busy(confirm) }, 0)
    })
  }
})()
