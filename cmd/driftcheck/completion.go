package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// completeFlag is the hidden flag urfave/cli answers with the subcommands
// or flags that may follow (EnableBashCompletion); the bash and zsh scripts
// call the binary with it.
const completeFlag = "--generate-bash-completion"

// bashCompletion needs no bash-completion package: it asks driftcheck for
// the words that may follow what is typed.
const bashCompletion = `# bash completion for driftcheck: eval "$(driftcheck completion bash)"
_driftcheck() {
	local cur="${COMP_WORDS[COMP_CWORD]}"
	local words=("${COMP_WORDS[@]:0:COMP_CWORD}")
	local opts
	if [[ "$cur" == -* ]]; then
		opts=$("${words[@]}" "$cur" ` + completeFlag + ` 2>/dev/null)
	else
		opts=$("${words[@]}" ` + completeFlag + ` 2>/dev/null)
	fi
	COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o bashdefault -o default -F _driftcheck driftcheck
`

const zshCompletion = `#compdef driftcheck
# zsh completion for driftcheck: driftcheck completion zsh > "${fpath[1]}/_driftcheck"
_driftcheck() {
	local -a opts
	local cur=${words[-1]}
	if [[ "$cur" == -* ]]; then
		opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} ` + completeFlag + ` 2>/dev/null)}")
	else
		opts=("${(@f)$(${words[@]:0:#words[@]-1} ` + completeFlag + ` 2>/dev/null)}")
	fi
	if [[ "${opts[1]}" != "" ]]; then
		_describe 'values' opts
	else
		_files
	fi
}
compdef _driftcheck driftcheck
`

// completionCmd prints a shell's completion script.
func completionCmd() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `bash: eval "$(driftcheck completion bash)" in ~/.bashrc
zsh:  driftcheck completion zsh > "${fpath[1]}/_driftcheck"
fish: driftcheck completion fish > ~/.config/fish/completions/driftcheck.fish`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("completion: name one shell: bash, zsh or fish (see driftcheck completion --help)")
			}
			var script string
			switch shell := c.Args().First(); shell {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return &codeError{exitError, fmt.Errorf("completion fish: %w", err)}
				}
				script = s
			default:
				return usageErr("completion: unknown shell %q: bash, zsh or fish", shell)
			}
			_, err := fmt.Fprint(c.App.Writer, script)
			return err
		},
	}
}

// manCmd prints the manual page (roff, section 1) made from the commands'
// own help.
func manCmd() *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print the manual page (man -l <(driftcheck man))",
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usageErr("man: takes no arguments, got %q", strings.Join(c.Args().Slice(), " "))
			}
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return &codeError{exitError, fmt.Errorf("man: %w", err)}
			}
			_, err = fmt.Fprint(c.App.Writer, page)
			return err
		},
	}
}
