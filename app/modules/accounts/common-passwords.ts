// Passwords of ten characters or more that top the published lists of leaked
// passwords, plus the Vietnamese ones that follow the same patterns. Shorter ones
// are already refused by the length rule. Compared in lower case.
const list = `
1234567890 0123456789 0987654321 9876543210 1111111111 0000000000 1122334455 1234512345
12345678910 123456789a 123456789q 123456789z a123456789 q123456789 1234567890a 1234567890q
qwertyuiop qwertyuiop1 qwertyuiop123 asdfghjkl1 asdfghjkl123 zxcvbnm123 zxcvbnm1234 qwerty1234
qwerty12345 qwerty123456 qwertyqwerty 1qaz2wsx3edc 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qazxsw23edc
zaq12wsxcde3 q1w2e3r4t5 q1w2e3r4t5y6 a1b2c3d4e5 abc1234567 abcd123456 abcdefghij abcdefgh12
password12 password123 password1234 password12345 passw0rd123 p@ssword123 p@ssw0rd123 password!
password1! passwordpassword mypassword mypassword1 newpassword newpassword1 changeme123 letmein123
iloveyou12 iloveyou123 iloveyou1234 iloveyouforever loveyou123 sunshine123 princess123 football123
baseball123 superman123 batman1234 starwars123 dragon1234 monkey1234 michael123 jennifer123
welcome123 welcome1234 administrator admin12345 admin123456 adminadmin qazwsxedcrfv 147258369a
1234554321 1357924680 1029384756 5201314520 aaaaaaaaaa 123123123a 123321123321 1212121212
11223344556 1111122222 2222222222 3333333333 5555555555 6666666666 7777777777 8888888888 9999999999
anhyeuem123 anhyeuem1234 anhyeuemnhieu emyeuanh123 emyeuanh1234 yeuemnhieu matkhau123 matkhau1234
matkhaucuatoi matkhaumoi vietnam123 vietnam1234 vietnam2024 vietnam2025 vietnam2026 hanoi12345
saigon12345 hochiminh123 123456789vn vietnamvodich toilanguoivietnam iloveyoubaby 0123456789a
`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));
