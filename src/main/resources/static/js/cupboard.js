// Page behaviour shared by every page. Loaded from this server only (the CSP allows no inline scripts).
(function () {
    'use strict';

    // htmx requests carry the CSRF token from the page's meta tags.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Keyboard shortcuts: a key clicks the visible element marked data-shortcut with that key,
    // unless the user is typing in a field. Letters match by physical key too (event.code), so
    // N works when the keyboard is switched to Hebrew and the key types a Hebrew letter.
    document.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
            return;
        }
        if (event.target.closest && event.target.closest('input, textarea, select, [contenteditable="true"]')) {
            return;
        }
        var key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
        var physical = /^(Key|Digit)/.test(event.code || '') ? event.code.replace(/^(Key|Digit)/, '') : key;
        var candidates = document.querySelectorAll('[data-shortcut="' + key + '"], [data-shortcut="' + physical + '"]');
        for (var i = 0; i < candidates.length; i++) {
            var element = candidates[i];
            if (!element.disabled && element.offsetParent !== null) {
                event.preventDefault();
                element.click();
                return;
            }
        }
    });

    // A panel opened by a shortcut (callback time, disqualification reason) takes the focus, so the
    // second step works from the keyboard too.
    // Only outcome panels: the phone menu is a collapse too, and moving the focus into it would
    // skip its links. Hidden inputs come first in each form and cannot take the focus.
    document.addEventListener('shown.bs.collapse', function (event) {
        if (!event.target.matches('.outcome-panel')) {
            return;
        }
        var first = event.target.querySelector('button, input:not([type="hidden"]), select, textarea');
        if (first) {
            first.focus();
        }
    });

    // Countdowns to a deadline (data-countdown holds epoch milliseconds), as minutes:seconds. They
    // run on the server's clock: the page carries the server time, and the browser's offset from
    // it is taken once at load.
    var serverTime = document.querySelector('meta[name="server-time"]');
    var clockOffset = serverTime ? Number(serverTime.content) - Date.now() : 0;

    function updateCountdowns() {
        var elements = document.querySelectorAll('[data-countdown]');
        for (var i = 0; i < elements.length; i++) {
            var element = elements[i];
            var remaining = Number(element.getAttribute('data-countdown')) - (Date.now() + clockOffset);
            var late = remaining < 0;
            remaining = Math.abs(remaining);
            var minutes = Math.floor(remaining / 60000);
            var seconds = Math.floor((remaining % 60000) / 1000);
            element.textContent = (late ? '-' : '') + minutes + ':' + String(seconds).padStart(2, '0');
            element.classList.toggle('text-bg-danger', late);
            element.classList.toggle('text-bg-warning', !late);
        }
    }

    // A checkbox marked data-select-all checks or clears every lead checkbox of its form.
    document.addEventListener('change', function (event) {
        var toggle = event.target;
        if (!toggle.matches || !toggle.matches('[data-select-all]') || !toggle.form) {
            return;
        }
        var boxes = toggle.form.querySelectorAll('input[type="checkbox"][name="leadIds"]');
        for (var i = 0; i < boxes.length; i++) {
            boxes[i].checked = toggle.checked;
        }
    });

    // A failed htmx request swaps nothing (see the htmx-config meta tag), so without this message a
    // click that saved nothing would look like it worked. Responses with 409 and 422 carry a fragment
    // that explains itself; htmx swaps them and does not raise these events.
    function showRequestError() {
        var message = document.getElementById('request-error');
        if (message) {
            message.classList.remove('d-none');
            message.focus();
        }
    }

    document.addEventListener('htmx:responseError', showRequestError);
    document.addEventListener('htmx:sendError', showRequestError);

    document.addEventListener('click', function (event) {
        if (!event.target.closest) {
            return;
        }
        if (event.target.closest('#request-error-reload')) {
            window.location.reload();
        } else if (event.target.closest('#request-error-close')) {
            document.getElementById('request-error').classList.add('d-none');
        }
    });

    // When htmx replaces the part of the page that held the focus (the lead card after an outcome),
    // the focus would fall back to the start of the page. For content marked data-focus-after-swap,
    // move it to the new content instead: to its first message, so that a screen reader reads it,
    // or else to its heading. Polled content is not marked, so a refresh never moves the focus.
    document.addEventListener('htmx:afterSettle', function (event) {
        var active = document.activeElement;
        if (active && active !== document.body && document.contains(active)) {
            return;
        }
        var content = event.detail.elt;
        if (!content || !content.matches || !content.matches('[data-focus-after-swap]') || !document.contains(content)) {
            return;
        }
        var target = content.querySelector('.flash-messages .alert, h1, h2');
        if (target) {
            if (!target.hasAttribute('tabindex')) {
                target.setAttribute('tabindex', '-1');
            }
            target.focus();
        }
    });

    document.addEventListener('DOMContentLoaded', updateCountdowns);
    document.addEventListener('htmx:afterSwap', updateCountdowns);
    setInterval(updateCountdowns, 1000);
})();
