; Inno Setup script: the Windows installer over the PyInstaller one-folder bundle.
;
;   pyinstaller --noconfirm installers\brandmark.spec        (makes dist\brandmark\)
;   iscc installers\brandmark.iss                           (makes dist\brandmark-VERSION-windows-setup.exe)
;
; Not built on Linux: .github/workflows/installers.yml builds it on a Windows runner.
; Installs per user by default (no administrator needed; an administrator may choose all
; users in the first dialog). The user's data (the register database, the signing key) lives
; in %LOCALAPPDATA%\brandmark, where brandmark.paths.user_data_dir() looks on Windows
; (platformdirs), and is kept when the program is uninstalled: a register is a record.
; Save this file as UTF-8 with a byte-order mark: Inno Setup reads the Chinese names from it.

#define AppName "brandmark"
#define AppNameZh "品字标认证评审"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Exchange bundles between an office and the register (issue #10 creates them).
#define ExchangeExtension ".bmx"
#define ExchangeProgId "brandmark.exchange"

[Setup]
AppId={{03938D29-0D4B-4430-AFDF-12C237B18021}
AppName={#AppNameZh} {#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppName} {#AppVersion}
AppPublisher=brandmark
DefaultDirName={autopf}\brandmark
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UsedUserAreasWarning=no
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=icons\brandmark.ico
UninstallDisplayIcon={app}\brandmark.exe
OutputDir=..\dist
OutputBaseFilename=brandmark-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Chinese first. ChineseSimplified.isl ships with recent Inno Setup releases; an older one
; without it still builds, with an English wizard (the shortcuts stay Chinese).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Dirs]
Name: "{localappdata}\brandmark"; Flags: uninsneveruninstall

[Files]
Source: "..\dist\brandmark\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppNameZh}"; Filename: "{app}\brandmark.exe"; Comment: "品字标认证评审、评分、证书 (brandmark)"
Name: "{group}\{#AppNameZh}（英文界面）"; Filename: "{app}\brandmark.exe"; Parameters: "--lang en"; Comment: "brandmark in English"
Name: "{group}\{#AppNameZh}命令行"; Filename: "{cmd}"; Parameters: "/k ""{app}\brandmark-cli.exe"" --help"; WorkingDir: "{userdocs}"; Comment: "brandmark-cli"
Name: "{group}\数据文件夹"; Filename: "{localappdata}\brandmark"; Comment: "数据库与签名密钥 (the register and the signing key)"
Name: "{group}\卸载{#AppNameZh}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\brandmark.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .bmx exchange bundle opens it in brandmark (HKA: the current user's
; classes for a per-user install, the machine's for an all-users one).
Root: HKA; Subkey: "Software\Classes\{#ExchangeExtension}\OpenWithProgids"; ValueType: string; ValueName: "{#ExchangeProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ExchangeProgId}"; ValueType: string; ValueName: ""; ValueData: "品字标交换包 brandmark exchange bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ExchangeProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\brandmark.exe,0"
Root: HKA; Subkey: "Software\Classes\{#ExchangeProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\brandmark.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\brandmark.exe\SupportedTypes"; ValueType: string; ValueName: "{#ExchangeExtension}"; ValueData: ""

[Run]
Filename: "{app}\brandmark.exe"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent
