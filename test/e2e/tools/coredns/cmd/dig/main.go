// Command dig is a minimal DNS lookup client for the e2e workload image (upstream's agnhost
// image has BIND's dig; this image is built without a package manager). It implements what
// the probe pods' script uses, with dig's meaning:
//
//	dig [+tcp|+notcp] [+time=SECONDS] [+tries=N] [+short] [-p PORT] [-t TYPE] [@SERVER] NAME [TYPE]
//
// Without @SERVER it asks the first nameserver of /etc/resolv.conf. Exit status as dig's:
// 0 when the server answered (whatever the answer: NXDOMAIN too), 9 when no reply came,
// 1 for a usage error, 10 when /etc/resolv.conf cannot be read.
package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/miekg/dns"
)

func usage(msg string) {
	fmt.Fprintf(os.Stderr, "dig: %s\nusage: dig [+tcp|+notcp] [+time=S] [+tries=N] [+short] [-p PORT] [-t TYPE] [@SERVER] NAME [TYPE]\n", msg)
	os.Exit(1)
}

func main() {
	tcp, short := false, false
	timeout, tries := 5*time.Second, 3
	port, server, name := "53", "", ""
	qtype := dns.TypeA
	args := os.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "+tcp" || a == "+vc":
			tcp = true
		case a == "+notcp" || a == "+novc":
			tcp = false
		case a == "+short":
			short = true
		case strings.HasPrefix(a, "+time="):
			n, err := strconv.Atoi(strings.TrimPrefix(a, "+time="))
			if err != nil || n < 1 {
				usage("bad " + a)
			}
			timeout = time.Duration(n) * time.Second
		case strings.HasPrefix(a, "+tries="):
			n, err := strconv.Atoi(strings.TrimPrefix(a, "+tries="))
			if err != nil || n < 1 {
				usage("bad " + a)
			}
			tries = n
		case strings.HasPrefix(a, "+"):
			// Other display options of dig change nothing here.
		case a == "-p" || a == "-t":
			if i+1 >= len(args) {
				usage(a + " needs a value")
			}
			i++
			if a == "-p" {
				if _, err := strconv.Atoi(args[i]); err != nil {
					usage("bad port " + args[i])
				}
				port = args[i]
			} else if t, ok := dns.StringToType[strings.ToUpper(args[i])]; ok {
				qtype = t
			} else {
				usage("bad type " + args[i])
			}
		case strings.HasPrefix(a, "@"):
			server = strings.TrimPrefix(a, "@")
		default:
			if t, ok := dns.StringToType[strings.ToUpper(a)]; ok && name != "" {
				qtype = t
			} else if name == "" {
				name = a
			} else {
				usage("unexpected argument " + a)
			}
		}
	}
	if name == "" {
		usage("no name to look up")
	}
	if server == "" {
		conf, err := dns.ClientConfigFromFile("/etc/resolv.conf")
		if err != nil || len(conf.Servers) == 0 {
			fmt.Fprintf(os.Stderr, "dig: no nameserver: %v\n", err)
			os.Exit(10)
		}
		server = conf.Servers[0]
	}
	msg := new(dns.Msg)
	msg.SetQuestion(dns.Fqdn(name), qtype)
	client := &dns.Client{Net: "udp", Timeout: timeout}
	if tcp {
		client.Net = "tcp"
	}
	addr := net.JoinHostPort(server, port)
	var lastErr error
	for t := 0; t < tries; t++ {
		reply, rtt, err := client.Exchange(msg, addr)
		if err != nil {
			lastErr = err
			continue
		}
		if short {
			for _, rr := range reply.Answer {
				fields := strings.Fields(rr.String())
				fmt.Println(fields[len(fields)-1])
			}
		} else {
			fmt.Println(reply.String())
			fmt.Printf(";; Query time: %d msec\n;; SERVER: %s (%s)\n", rtt.Milliseconds(), addr, client.Net)
		}
		os.Exit(0)
	}
	fmt.Printf(";; connection timed out; no servers could be reached (%v)\n", lastErr)
	os.Exit(9)
}
