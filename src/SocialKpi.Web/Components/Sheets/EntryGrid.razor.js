// Keyboard and clipboard of an entry grid (weekly figures, costs), spreadsheet-like: arrows, Enter and Tab move between
// cells, typing overwrites (a focused cell selects its text), Escape restores what the cell held when it was entered,
// Ctrl+V of a block copied from a spreadsheet fills the cells from the focused one (parsed on the server), Ctrl+S saves,
// Alt+H shows the focused cell's history where the grid has one.

const cellSelector = 'input[data-row]';

function inputAt(grid, row, col) {
    return grid.querySelector(`input[data-row="${row}"][data-col="${col}"]`);
}

function move(grid, input, rows, cols) {
    const next = inputAt(grid, Number(input.dataset.row) + rows, Number(input.dataset.col) + cols);
    if (next) {
        next.focus();
        next.select();
    }
    return next !== null;
}

// Sends the typed text to the server now (the browser only does it on blur).
function commit(input) {
    if (input.value !== input.dataset.entered) {
        input.dataset.entered = input.value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    }
}

export function attach(grid, dotnet) {
    grid.addEventListener('focusin', event => {
        const input = event.target;
        if (input.matches(cellSelector)) {
            input.dataset.entered = input.value;
            input.select();
        }
    });

    grid.addEventListener('keydown', event => {
        const input = event.target;
        if (!input.matches(cellSelector)) {
            return;
        }
        // By the key's place, not its character: Alt+H types "˙" on a Mac.
        if (event.altKey && event.code === 'KeyH') {
            event.preventDefault();
            commit(input);
            dotnet.invokeMethodAsync('ShowHistoryAsync', Number(input.dataset.row), Number(input.dataset.col));
            return;
        }
        const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
        switch (event.key) {
            case 'ArrowUp':
                event.preventDefault();
                commit(input);
                move(grid, input, -1, 0);
                break;
            case 'ArrowDown':
                event.preventDefault();
                commit(input);
                move(grid, input, 1, 0);
                break;
            case 'ArrowLeft':
                if (whole || input.selectionEnd === 0) {
                    event.preventDefault();
                    commit(input);
                    move(grid, input, 0, -1);
                }
                break;
            case 'ArrowRight':
                if (whole || input.selectionStart === input.value.length) {
                    event.preventDefault();
                    commit(input);
                    move(grid, input, 0, 1);
                }
                break;
            case 'Enter':
                event.preventDefault();
                commit(input);
                move(grid, input, event.shiftKey ? -1 : 1, 0);
                break;
            case 'Escape':
                event.preventDefault();
                input.value = input.dataset.entered ?? input.value;
                input.select();
                break;
            case 's':
            case 'S':
                if (event.ctrlKey || event.metaKey) {
                    event.preventDefault();
                    commit(input);
                    dotnet.invokeMethodAsync('SaveAsync');
                }
                break;
        }
    });

    grid.addEventListener('paste', event => {
        const input = event.target;
        if (!input.matches(cellSelector) || input.readOnly) {
            return;
        }
        const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
        // One value: the browser pastes it into the cell like typing. A block (tabs or lines) goes to the server.
        if (!/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))) {
            return;
        }
        event.preventDefault();
        dotnet.invokeMethodAsync('PasteAsync', Number(input.dataset.row), Number(input.dataset.col), text);
    });
}
