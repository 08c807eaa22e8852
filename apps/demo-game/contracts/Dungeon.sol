// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Dungeon: an 8x8 grid crawl where every action is a transaction.
/// @notice A player is `msg.sender` (with sessions: the user's smart account). The first
/// action spawns the player at (0,0) and mints them a Relic, the valuable item that a
/// session key must never be able to move.
contract Dungeon {
    uint8 public constant SIZE = 8;

    struct Player {
        uint8 x;
        uint8 y;
        bool spawned;
        uint32 actions;
        uint32 kills;
        uint32 gems;
        uint256 relic;
    }

    /// Tile kinds returned by `tileAt` and `board`.
    uint8 public constant EMPTY = 0;
    uint8 public constant MONSTER = 1;
    uint8 public constant GEM = 2;

    mapping(address => Player) internal players;
    /// Bit i set = tile i (y * SIZE + x) cleared (monster slain or gem taken) for that player.
    mapping(address => uint64) public cleared;
    /// Relic ownership, NFT-like: id => owner.
    mapping(uint256 => address) public ownerOf;
    uint256 public relicCount;

    event Spawned(address indexed player, uint256 indexed relic);
    event Moved(address indexed player, uint8 x, uint8 y, bool bumped);
    event Slain(address indexed player, uint8 x, uint8 y);
    event PickedUp(address indexed player, uint8 x, uint8 y, uint32 gems);
    event Transfer(address indexed from, address indexed to, uint256 indexed id);

    error InvalidDirection(uint8 dir);
    error NothingToAttack(uint8 x, uint8 y);
    error NothingToPickUp(uint8 x, uint8 y);
    error NotItemOwner(uint256 id, address owner);
    error InvalidRecipient();

    /// @notice Moves one tile: 0 up, 1 right, 2 down, 3 left. Walking into a wall or a live
    /// monster is a bump: the player stays put and the action still counts.
    function move(uint8 dir) external {
        Player storage p = _spawn();
        (uint8 x, uint8 y, bool inside) = _step(p.x, p.y, dir);
        bool bumped = !inside || _tile(msg.sender, x, y) == MONSTER;
        if (!bumped) {
            p.x = x;
            p.y = y;
        }
        p.actions++;
        emit Moved(msg.sender, p.x, p.y, bumped);
    }

    /// @notice Slays the monster on the neighbouring tile in direction `dir`.
    function attack(uint8 dir) external {
        Player storage p = _spawn();
        (uint8 x, uint8 y, bool inside) = _step(p.x, p.y, dir);
        if (!inside || _tile(msg.sender, x, y) != MONSTER) revert NothingToAttack(x, y);
        cleared[msg.sender] |= uint64(1) << (uint64(y) * SIZE + x);
        p.kills++;
        p.actions++;
        emit Slain(msg.sender, x, y);
    }

    /// @notice Picks up the gem on the player's tile.
    function pickUp() external {
        Player storage p = _spawn();
        if (_tile(msg.sender, p.x, p.y) != GEM) revert NothingToPickUp(p.x, p.y);
        cleared[msg.sender] |= uint64(1) << (uint64(p.y) * SIZE + p.x);
        p.gems++;
        p.actions++;
        emit PickedUp(msg.sender, p.x, p.y, p.gems);
    }

    /// @notice Gives a Relic to `to`. Only its owner can; a session scoped to moves cannot.
    function transferItem(address to, uint256 id) external {
        address owner = ownerOf[id];
        if (owner != msg.sender) revert NotItemOwner(id, owner);
        if (to == address(0) || to == owner) revert InvalidRecipient();
        ownerOf[id] = to;
        if (players[owner].relic == id) players[owner].relic = 0;
        if (players[to].relic == 0) players[to].relic = id;
        emit Transfer(owner, to, id);
    }

    /// @notice A player's state; all zero before their first action.
    function getPlayer(address player) external view returns (Player memory) {
        return players[player];
    }

    /// @notice What lies on (x, y) for `player`.
    function tileAt(address player, uint8 x, uint8 y) external view returns (uint8) {
        return _tile(player, x, y);
    }

    /// @notice The whole grid for `player`, row by row (index y * SIZE + x).
    function board(address player) external view returns (uint8[64] memory tiles) {
        for (uint8 y = 0; y < SIZE; y++)
            for (uint8 x = 0; x < SIZE; x++) tiles[uint256(y) * SIZE + x] = _tile(player, x, y);
    }

    /// The neighbour of (x, y) in direction `dir`, and whether it lies on the grid.
    function _step(uint8 x, uint8 y, uint8 dir) internal pure returns (uint8, uint8, bool) {
        if (dir > 3) revert InvalidDirection(dir);
        if (dir == 0) return y == 0 ? (x, y, false) : (x, y - 1, true);
        if (dir == 1) return x == SIZE - 1 ? (x, y, false) : (x + 1, y, true);
        if (dir == 2) return y == SIZE - 1 ? (x, y, false) : (x, y + 1, true);
        return x == 0 ? (x, y, false) : (x - 1, y, true);
    }

    function _spawn() internal returns (Player storage p) {
        p = players[msg.sender];
        if (p.spawned) return p;
        p.spawned = true;
        uint256 id = ++relicCount;
        ownerOf[id] = msg.sender;
        p.relic = id;
        emit Spawned(msg.sender, id);
        emit Transfer(address(0), msg.sender, id);
    }

    /// Fixed layout (same map for everyone), minus what this player cleared. (0,0) is always empty.
    function _tile(address player, uint8 x, uint8 y) internal view returns (uint8) {
        if (x == 0 && y == 0) return EMPTY;
        if ((cleared[player] >> (uint64(y) * SIZE + x)) & 1 == 1) return EMPTY;
        uint256 roll = uint256(keccak256(abi.encodePacked("dungeon", x, y))) % 6;
        if (roll == 0) return MONSTER;
        if (roll == 1) return GEM;
        return EMPTY;
    }
}
