/**
 * Technologies by their display spelling. Chat writes them in any case ("we moved to postgres"), so
 * they are matched case-insensitively, except the names that are also everyday words (see below).
 */
export const DISPLAY_NAMES = `
  Kubernetes Docker Podman Terraform Pulumi Ansible Helm Argo_CD ArgoCD Nginx Envoy Istio Linkerd Consul Vault Nomad
  Packer Vagrant Traefik HAProxy Caddy
  Postgres MySQL MariaDB SQLite MongoDB Redis Memcached Kafka RabbitMQ NATS Elasticsearch OpenSearch ClickHouse
  Cassandra DynamoDB BigQuery Snowflake Redshift Supabase Firebase CockroachDB TimescaleDB InfluxDB Neo4j Pinecone
  Solr Pulsar Kinesis Celery Sidekiq Airflow dbt Databricks Looker Tableau Metabase Superset Fivetran Debezium
  GraphQL gRPC Protobuf OAuth OpenID SAML JWT REST WebSockets JSON YAML CSS HTML Sass
  TypeScript JavaScript Python Golang Kotlin Scala Elixir Erlang Haskell Ruby PHP Java C++ C# Clojure OCaml Zig
  Node.js Deno Bun Next.js Nuxt Vue.js React Angular Svelte Tailwind Webpack Vite esbuild Jest Vitest Playwright
  Cypress Storybook ESLint Prettier npm pnpm Yarn PyPI Django Flask FastAPI Rails Laravel Spring_Boot Express.js
  NestJS Pandas NumPy PyTorch TensorFlow Jupyter Spark Hadoop Flink Ray
  GitHub GitLab Bitbucket Jenkins CircleCI Buildkite GitHub_Actions Travis_CI TeamCity Datadog Grafana Prometheus
  Loki Tempo Jaeger OpenTelemetry Sentry PagerDuty Opsgenie New_Relic Splunk Kibana Logstash Honeycomb Statuspage
  Jira Confluence Notion Figma Miro Asana Trello Linear HubSpot Salesforce Zendesk Intercom Stripe Twilio Segment
  Slack Okta Auth0 LaunchDarkly Postman Swagger OpenAPI Zoom Google_Meet Microsoft_Teams 1Password Bitwarden Recurly
  Chargebee Stripe_Billing Stripe_Tax Avalara Braintree Adyen PayPal Plaid Paddle Mailgun SendGrid Postmark
  MongoDB_Atlas TestFlight App_Store Play_Store Google_Play Expo EAS Xcode Gradle Fastlane React_Native Flutter
  SwiftUI Jetpack_Compose WatermelonDB Realm Face_ID Touch_ID Style_Dictionary Lucide Phosphor Heroicons Tailwind_CSS
  AWS GCP Azure Cloudflare Vercel Netlify Heroku Fly.io DigitalOcean Hetzner Google_Cloud Amazon_S3 S3 EC2 EKS ECS
  GKE AKS RDS Aurora CloudFront Route53 IAM SQS SNS Lambda CloudWatch Cloud_Run Cloud_SQL Pub/Sub
  OpenAI ChatGPT Anthropic Claude LLM LLMs Linux Ubuntu Debian Alpine Windows macOS iOS Android
  Linux_kernel Debian_sid Debian_unstable Fedora Red_Hat RHEL CentOS Gentoo Slackware SUSE openSUSE Mandriva Mandrake Knoppix Kubuntu Xubuntu
  Edubuntu Lubuntu Linux_Mint Arch_Linux Manjaro Raspbian FreeBSD OpenBSD NetBSD Solaris Mac_OS_X OS_X ChromeOS
  GNOME KDE Xfce LXDE LXQt Unity Cinnamon Compiz Beryl XGL AIGLX Metacity Fluxbox Openbox Blackbox
  Enlightenment IceWM Xmonad i3 Awesome_WM Conky Cairo-Dock Docky Usplash Xorg X11 XFree86 Wayland
  Konqueror Nautilus Dolphin Thunar PCManFM Firefox Thunderbird Chromium Opera Evolution Pidgin Gaim aMSN
  Kopete XChat HexChat irssi WeeChat Skype Ekiga VLC MPlayer mplayer2 mpv Totem Rhythmbox Amarok Banshee
  Audacious Audacity XMMS Brasero K3b GIMP Inkscape Blender OpenOffice LibreOffice AbiWord Gnumeric Evince Okular
  gedit Vim Emacs nano GParted TestDisk PhotoRec UNetbootin Wubi Synaptic aptitude APT apt-get
  apt-cache dpkg PackageKit Snap Flatpak AppImage zypper pacman Homebrew pip Automatix EasyUbuntu
   GRUB GRUB2 LILO Syslinux BIOS UEFI Samba CIFS NFS SSH OpenSSH FTP SFTP vsftpd ProFTPD VNC TightVNC RDP
  rdesktop TeamViewer ALSA PulseAudio Xine GStreamer FFmpeg ndiswrapper madwifi b43 wpa_supplicant
  NetworkManager nm-applet Wicd iptables ufw Firestarter fail2ban Apache lighttpd Tomcat Squid dnsmasq DHCP
  Postfix Sendmail Exim Dovecot ssmtp Fetchmail Procmail SpamAssassin cron anacron systemd Upstart udev chroot
  D-Bus CUPS Xen KVM QEMU VirtualBox VMware Wine CrossOver DOSBox Mono Perl Tcl Tk Lua Bash Zsh tmux GNU_Screen
  OpenSSL GnuPG Seahorse CVS Subversion Git Mercurial Bazaar Launchpad ncurses GTK Qt wxWidgets Flash Adobe_Flash
  Adobe_Reader Acrobat OpenJDK IcedTea Silverlight NVIDIA ATI AMD Intel Radeon GeForce fglrx
  nouveau PowerPC x86 x86-64 ext2 ext3 ext4 NTFS FAT32 exFAT XFS ReiserFS Btrfs ZFS LVM mdadm LUKS TrueCrypt
  rsync wget cURL nmap Wireshark tcpdump traceroute mtr netcat glxinfo glxgears lspci lsusb lsmod modprobe dmesg
  fdisk ifconfig iwconfig iwlist xrandr Xinerama TwinView nvidia-settings Wake-on-LAN Magic_Packet
  VS_Code Visual_Studio IntelliJ Eclipse NetBeans Sublime_Text Notepad++ PowerShell WSL Excel Outlook Gmail
  Google_Docs Google_Drive Google_Sheets Dropbox OneDrive iCloud WhatsApp Telegram Discord Mattermost IRC Steam
  Photoshop Illustrator Lightroom InVision Zeplin PowerPoint Keynote OBS Safari Internet_Explorer Electron MATLAB
  Fortran COBOL OpenVPN WireGuard Bluetooth
`;

/** Other spellings of one technology, so the graph merges them. */
export const SYNONYMS: Readonly<Record<string, string>> = {
  k8s: 'kubernetes',
  postgresql: 'postgres',
  psql: 'postgres',
  pg: 'postgres',
  mongo: 'mongodb',
  golang: 'go',
  nodejs: 'node.js',
  node: 'node.js',
  nextjs: 'next.js',
  vuejs: 'vue.js',
  reactjs: 'react',
  'react.js': 'react',
  'express.js': 'express',
  argocd: 'argo cd',
  'elastic search': 'elasticsearch',
  'gh actions': 'github actions',
  'google cloud platform': 'google cloud',
  llms: 'llm',
  websocket: 'websockets',
  rn: 'react native',
  'tailwind css': 'tailwind',
  ts: 'typescript',
  js: 'javascript',
  'apt get': 'apt-get',
  'windows xp': 'windows',
  winxp: 'windows',
  'windows vista': 'windows',
  vista: 'windows',
  windoz: 'windows',
  windoze: 'windows',
  konq: 'konqueror',
  'open office': 'openoffice',
  'openoffice.org': 'openoffice',
  gpg: 'gnupg',
  'gnu privacy guard': 'gnupg',
  wol: 'wake-on-lan',
  'wake on lan': 'wake-on-lan',
  'magic packets': 'magic packet',
  'magic-packet': 'magic packet',
  'magic-packets': 'magic packet',
  'network manager': 'networkmanager',
  'network-manager': 'networkmanager',
  'network manager applet': 'nm-applet',
  'network-manager-gnome': 'nm-applet',
  'x.org': 'xorg',
  xserver: 'xorg',
  'x server': 'xorg',
  grub2: 'grub',
  'grub 2': 'grub',
  redhat: 'red hat',
  ppc: 'powerpc',
  vbox: 'virtualbox',
  vscode: 'vs code',
  'visual studio code': 'vs code',
  ie: 'internet explorer',
  'virtual box': 'virtualbox',
  svn: 'subversion',
  bzr: 'bazaar',
  gtk2: 'gtk',
  'gtk+': 'gtk',
  'gnome-terminal': 'gnome terminal',
  'mac os': 'mac os x',
  osx: 'os x',
};

/** Display names of the synonyms' targets that are not in the list themselves. */
export const EXTRA_DISPLAY: Readonly<Record<string, string>> = {
  go: 'Go',
  express: 'Express',
  'argo cd': 'Argo CD',
  'gnome terminal': 'GNOME Terminal',
};

/**
 * Names that are also everyday words ("react quickly", "go ahead", "a spark of", "in a vault"): a
 * technology only when written capitalized mid-sentence.
 */
export const CAPITALIZED_ONLY: ReadonlySet<string> = new Set(
  `react go rust swift spark flask express rails spring ray vault consul nomad packer linear segment ruby java
   jest bun deno helm tempo loki notion slack lambda aurora celery claude windows alpine yarn ts js node pg rest
   zoom expo realm lucide phosphor paddle plaid eas css html json yaml rn
   evolution unity cinnamon opera flash mono cups snap squid apt totem banshee vista wine intel qt blender audacity
   seahorse dolphin blackbox enlightenment eclipse excel outlook steam keynote safari electron telegram`
    .trim()
    .split(/\s+/),
);

/** Acronyms that spell an everyday word ("Iam building", "iam"): a technology only in capitals. */
export const UPPERCASE_ONLY: ReadonlySet<string> = new Set([
  'iam',
  'sns',
  'ecs',
  'eks',
  'rds',
  'sqs',
  'eas',
  'nats',
  'ie',
  'obs',
]);
